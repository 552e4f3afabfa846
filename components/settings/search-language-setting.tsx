"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Field, Select } from "@/components/ui/field";
import { searchLanguages, type SearchLanguage } from "@/lib/search-languages";
import { setSearchLanguageAction } from "@/server/workspaces/workspace-actions";

/** The language search stems words in ("pricing" also finds "priced"); changing it re-indexes every asset. */
export function SearchLanguageSetting({ language }: { language: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  return (
    <div className="max-w-sm space-y-2">
      <Field
        id="search-language"
        label="Search language"
        hint="Words are matched by their stem in this language"
      >
        <Select
          id="search-language"
          value={language}
          disabled={pending}
          onChange={(e) => {
            const next = e.target.value as SearchLanguage;
            start(async () => {
              const result = await setSearchLanguageAction({ language: next });
              setMessage(
                result.ok
                  ? {
                      ok: true,
                      text: `Search now stems in ${searchLanguages[next]}; every asset was re-indexed.`,
                    }
                  : { ok: false, text: result.error },
              );
              router.refresh();
            });
          }}
          options={Object.entries(searchLanguages).map(([id, label]) => ({ value: id, label }))}
        />
      </Field>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-600"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
