"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CommentKind } from "@/lib/feedback";
import { resolveThreadAction } from "@/server/feedback/feedback-actions";
import { CommentForm } from "./comment-form";
import { FormError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";

interface CommentView {
  id: string;
  authorName: string;
  body: string;
  /** Formatted on the server, so server and browser render the same text. */
  when: string;
}

export interface ThreadView extends CommentView {
  kind: CommentKind;
  resolvedAt: string | null;
  replies: CommentView[];
}

function CommentBody({ comment }: { comment: CommentView }) {
  return (
    <>
      <p className="text-xs text-slate-500">
        <span className="font-medium text-slate-700">{comment.authorName}</span> · {comment.when}
      </p>
      <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{comment.body}</p>
    </>
  );
}

function Thread({
  assetId,
  thread,
  canResolve,
}: {
  assetId: string;
  thread: ThreadView;
  canResolve: boolean;
}) {
  const [replying, setReplying] = useState(false);
  const { run, pending, error } = useServerAction();
  const resolved = thread.resolvedAt !== null;
  return (
    <li
      className="py-3"
      aria-label={`${thread.kind === "question" ? "Question" : "Comment"} from ${thread.authorName}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="mb-1 flex gap-2">
            <Badge>{thread.kind === "question" ? "Question" : "Comment"}</Badge>
            {resolved ? <Badge>Resolved</Badge> : null}
          </div>
          <CommentBody comment={thread} />
        </div>
        <div className="flex shrink-0 gap-1">
          <Button variant="ghost" onClick={() => setReplying((r) => !r)} aria-expanded={replying}>
            Reply
          </Button>
          {canResolve ? (
            <Button
              variant="ghost"
              disabled={pending}
              onClick={() =>
                run(() => resolveThreadAction({ assetId, threadId: thread.id, resolved: !resolved }))
              }
            >
              {resolved ? "Reopen" : "Resolve"}
            </Button>
          ) : null}
        </div>
      </div>
      {thread.replies.length ? (
        <ul className="mt-2 space-y-2 border-l-2 border-slate-100 pl-4" aria-label="Replies">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <CommentBody comment={r} />
            </li>
          ))}
        </ul>
      ) : null}
      {replying ? (
        <div className="mt-2 pl-4">
          <CommentForm assetId={assetId} parentId={thread.id} onDone={() => setReplying(false)} />
        </div>
      ) : null}
      <FormError message={error} />
    </li>
  );
}

/** Comments and questions on an asset, oldest first, with replies; owners and marketers can resolve. */
export function CommentThreads({
  assetId,
  threads,
  canComment,
  canResolve,
  partnerView,
}: {
  assetId: string;
  threads: ThreadView[];
  canComment: boolean;
  canResolve: boolean;
  partnerView: boolean;
}) {
  return (
    <div className="space-y-4">
      {threads.length === 0 ? (
        <p className="text-sm text-slate-500">
          {partnerView
            ? "Ask the owner a question or leave a comment; only you and the vendor's team see it."
            : "No comments yet. Ask the owner a question or tell them how it landed with a buyer."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Comments and questions">
          {threads.map((t) => (
            <Thread key={t.id} assetId={assetId} thread={t} canResolve={canResolve} />
          ))}
        </ul>
      )}
      {canComment ? <CommentForm assetId={assetId} /> : null}
    </div>
  );
}
