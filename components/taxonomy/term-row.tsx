"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { VerbButton, buttonClass } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { deleteTermAction, moveTermAction } from "@/server/taxonomy/taxonomy-actions";
import { DeleteTermDialog } from "./delete-term-dialog";
import { MergeTermForm } from "./merge-term-form";
import { RenameTermForm } from "./rename-term-form";
import { describeUsage } from "./term-usage";

export interface TermRowData {
  id: string;
  name: string;
  assetCount: number;
  dealCount: number;
}

type Mode = "view" | "rename" | "merge" | "delete";

/** The row's buttons that open an edit form under it. */
const editButtons = [
  { mode: "rename", verb: "Rename" },
  { mode: "merge", verb: "Merge" },
] as const;

export function TermRow({
  term,
  index,
  count,
  others,
  announce,
}: {
  term: TermRowData;
  index: number;
  count: number;
  others: { id: string; name: string }[];
  announce: (text: string) => void;
}) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("view");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const movedWith = useRef<"up" | "down" | null>(null);

  // Reordering moves this row's DOM node, which drops keyboard focus; put it back on the button pressed
  // (or on the other one once the row reaches the end of the list).
  useEffect(() => {
    const direction = movedWith.current;
    if (!direction) return;
    movedWith.current = null;
    const pressed = direction === "up" ? up.current : down.current;
    (pressed && !pressed.disabled ? pressed : direction === "up" ? down.current : up.current)?.focus();
  }, [index]);

  const done = (message?: string) => {
    setMode("view");
    if (message) announce(message);
  };

  // Not disabled while pending: disabling the focused button would throw keyboard focus away.
  const move = (direction: "up" | "down") =>
    start(async () => {
      const result = await moveTermAction({ termId: term.id, direction });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      movedWith.current = direction;
      announce(`Moved “${term.name}” ${direction}`);
      router.refresh();
    });

  const remove = () => {
    if (term.assetCount + term.dealCount > 0) return setMode("delete");
    start(async () => {
      const result = await deleteTermAction({ termId: term.id, inUse: "unused" });
      if (!result.ok) {
        setError(result.error);
        router.refresh();
        return;
      }
      announce(`Deleted “${term.name}”`);
      router.refresh();
    });
  };

  return (
    <li className="py-2">
      <div className="flex flex-wrap items-center gap-2">
        <div className="min-w-0 flex-1">
          <span className="font-medium text-slate-900">{term.name}</span>
          <span className="ml-2 text-xs text-slate-500">
            {describeUsage(term.assetCount, term.dealCount)}
          </span>
        </div>
        <div className="flex flex-wrap gap-1">
          <button
            ref={up}
            type="button"
            className={buttonClass("ghost", "px-2 py-1")}
            disabled={index === 0}
            onClick={() => move("up")}
            aria-label={`Move ${term.name} up`}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            ref={down}
            type="button"
            className={buttonClass("ghost", "px-2 py-1")}
            disabled={index === count - 1}
            onClick={() => move("down")}
            aria-label={`Move ${term.name} down`}
          >
            <span aria-hidden="true">↓</span>
          </button>
          {editButtons.map(({ mode: opens, verb }) => (
            <VerbButton
              key={opens}
              verb={verb}
              object={term.name}
              variant="ghost"
              className="px-2 py-1"
              disabled={opens === "merge" && others.length === 0}
              onClick={() => setMode(opens)}
            />
          ))}
          <VerbButton
            verb="Delete"
            object={term.name}
            variant="ghost"
            className="px-2 py-1 text-red-700"
            disabled={pending}
            onClick={remove}
          />
        </div>
      </div>
      <FieldError message={error} className="mt-1" />
      {mode === "rename" ? (
        <div className="mt-2">
          <RenameTermForm term={term} onDone={done} />
        </div>
      ) : null}
      {mode === "merge" ? (
        <div className="mt-2">
          <MergeTermForm term={term} others={others} onDone={done} />
        </div>
      ) : null}
      {mode === "delete" ? <DeleteTermDialog term={term} others={others} onClose={done} /> : null}
    </li>
  );
}
