import { Button } from "@/components/ui/button";

/**
 * The one full-width button of a sign-in, reset or invitation form: disabled while it runs, and saying
 * so (`busy`), since the form stays on screen until the browser is sent on.
 */
export function AuthSubmitButton({ pending, idle, busy }: { pending: boolean; idle: string; busy: string }) {
  return (
    <Button type="submit" className="w-full" disabled={pending}>
      {pending ? busy : idle}
    </Button>
  );
}
