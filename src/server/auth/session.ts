/** A signed-in session as its owner sees it on the account page. */
export interface SessionInfo {
  id: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
}
