"use client";

import { useState } from "react";
import { Field, FormError, FormSuccess, Select } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { searchLanguages, type SearchLanguage } from "@/lib/search-languages";
import { setSearchLanguageAction } from "@/server/workspaces/workspace-actions";

/** The language search stems words in ("pricing" also finds "priced"); changing it re-indexes every asset. */
export function SearchLanguageSetting({ language }: { language: string }) {
  const { run, pending, error } = useServerAction();
  const [savedAs, setSavedAs] = useState<SearchLanguage>();
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
            setSavedAs(undefined);
            run(() => setSearchLanguageAction({ language: next }), { onSuccess: () => setSavedAs(next) });
          }}
          options={Object.entries(searchLanguages).map(([id, label]) => ({ value: id, label }))}
        />
      </Field>
      <FormSuccess
        message={
          savedAs ? `Search now stems in ${searchLanguages[savedAs]}; every asset was re-indexed.` : null
        }
      />
      <FormError message={error} />
    </div>
  );
}
