/** A search's result count as people read it: "1,000+" when the search stopped counting. */
export function totalLabel(total: number, exact: boolean): string {
  return `${total.toLocaleString("en-US")}${exact ? "" : "+"}`;
}
