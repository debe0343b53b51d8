/** Every editor command as a pure `(flow, args) → flow`; the store applies them and keeps history. */
export { addNode, nextNodeId } from './addNode';
export { autoLayout, DEFAULT_NODE_SIZE, type Size } from './autoLayout';
export { canConnect, type ConnectionRequest, type ConnectionVerdict } from './canConnect';
export { copySelection, paste, type Clipboard } from './clipboard';
export { connect } from './connect';
export { createNode } from './createNode';
export { moveNodes } from './moveNodes';
export { removeElements } from './removeElements';
export { renameFlow } from './renameFlow';
export { updateFlowSettings, type FlowSettingsPatch } from './updateFlowSettings';
export { updateNodeData } from './updateNodeData';
export { applyTemplate } from './applyTemplate';
