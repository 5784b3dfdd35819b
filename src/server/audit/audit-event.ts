/** One entry of the audit log, as the log pages show it. */
export interface AuditEvent {
  id: string;
  networkId: string | null;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  subjectName: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}
