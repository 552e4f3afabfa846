import { OutboxList } from "@/components/mail/outbox-list";
import { SendDigestsButton } from "@/components/notifications/send-digests-button";
import { PageHeader } from "@/components/ui/card";
import { env } from "@/env";
import { requirePage } from "@/server/auth/require-page";
import { listOutbox } from "@/server/mail/outbox-queries";

export const metadata = { title: "Outgoing mail" };

export default async function OutboxPage() {
  const { actor, db } = await requirePage("settings.manage");
  const emails = await listOutbox(db, actor.workspaceId);
  return (
    <>
      <PageHeader
        title="Outgoing mail"
        description={
          env.SMTP_URL
            ? "Messages Baton sent through your SMTP server, newest first."
            : "No SMTP server is configured (SMTP_URL), so messages are kept here instead of being sent."
        }
        actions={<SendDigestsButton />}
      />
      <OutboxList emails={emails} />
    </>
  );
}
