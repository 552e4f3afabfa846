"use client";

import { useId, useState } from "react";
import { useServerAction } from "@/components/ui/use-server-action";
import { Button } from "@/components/ui/button";
import { FormError, Select } from "@/components/ui/field";
import type { CommentKind } from "@/lib/feedback";
import { postCommentAction } from "@/server/feedback/feedback-actions";
import { MentionTextarea, type Mention } from "./mention-textarea";

/** A new comment or question on an asset, or (with parentId) a reply in a thread. */
export function CommentForm({
  assetId,
  parentId,
  onDone,
}: {
  assetId: string;
  parentId?: string;
  onDone?: () => void;
}) {
  const id = useId();
  const [body, setBody] = useState("");
  const [kind, setKind] = useState<CommentKind>("question");
  const [mentions, setMentions] = useState<Mention[]>([]);
  const { run, pending, error: failure, fieldErrors } = useServerAction();
  const error = fieldErrors.body?.[0] ?? failure;
  const label = parentId ? "Reply" : "Comment or question";

  return (
    <form
      aria-label={parentId ? "Reply to thread" : "New comment"}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () =>
            postCommentAction({
              assetId,
              comment: {
                body,
                kind,
                parentId,
                mentionUserIds: mentions.filter((m) => body.includes(`@${m.name}`)).map((m) => m.id),
              },
            }),
          {
            onSuccess: () => {
              setBody("");
              setMentions([]);
              onDone?.();
            },
          },
        );
      }}
    >
      <MentionTextarea
        id={`${id}-body`}
        assetId={assetId}
        label={label}
        value={body}
        onChange={setBody}
        mentions={mentions}
        onMentionsChange={setMentions}
      />
      <div className="flex flex-wrap items-center gap-2">
        {parentId ? null : (
          <>
            <label htmlFor={`${id}-kind`} className="sr-only">
              Kind
            </label>
            <div className="w-36">
              <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as CommentKind)}>
                <option value="question">Question</option>
                <option value="comment">Comment</option>
              </Select>
            </div>
          </>
        )}
        <Button type="submit" disabled={pending || body.trim() === ""}>
          {parentId ? "Reply" : "Post"}
        </Button>
        <span className="text-xs text-slate-500">Type @ to mention someone.</span>
      </div>
      <FormError message={error} />
    </form>
  );
}
