/** The drag-and-drop data type the palette sets and the canvas accepts. */
export const PALETTE_DRAG_TYPE = 'application/x-switchboard-node';
