/** Field request states, their labels and the one table of allowed moves (shared by server and UI). */
export const requestStatuses = ["new", "accepted", "in_progress", "delivered", "declined", "merged"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** The board's columns, in order ("merged" requests leave the board). */
export const boardColumns = ["new", "accepted", "in_progress", "delivered", "declined"] as const;

export const requestStatusLabels: Record<RequestStatus, string> = {
  new: "New",
  accepted: "Accepted",
  in_progress: "In progress",
  delivered: "Delivered",
  declined: "Declined",
  merged: "Merged",
};

export const requestUrgencies = ["low", "normal", "high"] as const;
export type RequestUrgency = (typeof requestUrgencies)[number];
export const requestUrgencyLabels: Record<RequestUrgency, string> = {
  low: "Low",
  normal: "Normal",
  high: "High — a deal is waiting",
};

/**
 * Where a request may go from each state. "delivered" needs the asset that answers it, "declined" a reason,
 * "merged" the request it duplicates; a delivered request can be reopened (the asset did not answer it)
 * and a declined one reconsidered. A merged request is final: its demand lives on in the other request.
 */
export const requestMoves: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ["accepted", "declined", "merged"],
  accepted: ["in_progress", "delivered", "declined", "merged"],
  in_progress: ["accepted", "delivered", "declined", "merged"],
  delivered: ["in_progress"],
  declined: ["new"],
  merged: [],
};

export function canMoveRequest(from: RequestStatus, to: RequestStatus): boolean {
  return requestMoves[from].includes(to);
}
