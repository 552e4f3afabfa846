"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { inputClass } from "@/components/ui/field";
import { OptionList, optionId } from "@/components/ui/option-list";
import { mentionCandidatesAction } from "@/server/feedback/feedback-actions";

export interface Mention {
  id: string;
  name: string;
}

/** The "@word" being typed just before the caret, if any. */
function mentionQueryAt(text: string, caret: number): { start: number; q: string } | null {
  const match = /(^|\s)@([^\s@]{0,30})$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, q: match[2]! } : null;
}

/**
 * A textarea that suggests people after "@" (a combobox: arrow keys move, Enter or Tab picks, Escape
 * closes) and inserts "@Name"; the chosen people are reported with their ids.
 */
export function MentionTextarea({
  id,
  assetId,
  value,
  onChange,
  mentions,
  onMentionsChange,
  label,
}: {
  id: string;
  assetId: string;
  value: string;
  onChange: (value: string) => void;
  mentions: Mention[];
  onMentionsChange: (mentions: Mention[]) => void;
  label: string;
}) {
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; q: string } | null>(null);
  const [active, setActive] = useState(0);
  const candidates = useQuery({
    queryKey: ["mention-candidates", assetId, query?.q],
    queryFn: async () => {
      const r = await mentionCandidatesAction({ assetId, q: query?.q ?? "" });
      if (!r.ok) throw new Error(r.error);
      return r.data;
    },
    enabled: query !== null,
    staleTime: 30_000,
  });
  const options = query ? (candidates.data ?? []) : [];
  const open = options.length > 0;

  const pick = (person: Mention) => {
    if (!query) return;
    const caret = ref.current?.selectionStart ?? value.length;
    const next = `${value.slice(0, query.start)}@${person.name} ${value.slice(caret)}`;
    onChange(next);
    if (!mentions.some((m) => m.id === person.id)) onMentionsChange([...mentions, person]);
    setQuery(null);
    requestAnimationFrame(() => {
      const at = query.start + person.name.length + 2;
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      pick(options[Math.min(active, options.length - 1)]!);
    } else if (e.key === "Escape") {
      setQuery(null);
    }
  };

  return (
    <div className="relative">
      <textarea
        ref={ref}
        id={id}
        aria-label={label}
        className={inputClass}
        rows={3}
        value={value}
        maxLength={4000}
        // A textarea keeps its own textbox role (ARIA allows no other on it); the suggestions are tied
        // to it by aria-controls and the highlighted one by aria-activedescendant.
        aria-controls={open ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={open ? optionId(listId, Math.min(active, options.length - 1)) : undefined}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          onChange(e.target.value);
          setActive(0);
          setQuery(mentionQueryAt(e.target.value, e.target.selectionStart));
        }}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      {open ? (
        <OptionList
          id={listId}
          label="People to mention"
          className="absolute z-10 mt-1 w-64 rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
          options={options}
          active={active}
          optionClassName={(highlighted) =>
            `cursor-pointer px-3 py-1.5 ${highlighted ? "bg-brand-50 text-brand-700" : ""}`
          }
          onPick={pick}
        >
          {(person) => person.name}
        </OptionList>
      ) : null}
    </div>
  );
}
