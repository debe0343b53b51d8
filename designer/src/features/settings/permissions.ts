export type Capability =
  | 'business.read'
  | 'business.edit'
  | 'requests.edit'
  | 'labels.edit'
  | 'quickReplies.edit'
  | 'templates.read'
  | 'templates.edit'
  | 'users.manage'
  | 'apiKeys.manage'
  | 'inbox.read'
  | 'inbox.edit'
  | 'waLink.read';

const GRANTS: Record<string, readonly Capability[]> = {
  operator: ['business.read', 'labels.edit', 'quickReplies.edit', 'templates.read', 'inbox.read', 'waLink.read'],
  analyst: ['business.read', 'requests.edit', 'templates.read', 'templates.edit', 'waLink.read'],
};

/** What a role may do in Settings, mirroring the server's route access (admins may do everything). */
export function can(role: string | undefined, capability: Capability): boolean {
  if (role === 'admin') return true;
  return role !== undefined && (GRANTS[role]?.includes(capability) ?? false);
}
