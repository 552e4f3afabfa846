import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { RESET_LINK_MINUTES } from "@/lib/password-reset";

export const metadata: Metadata = { title: "Reset your password" };
// Rendered per request, so its scripts carry the request's CSP nonce.
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <AuthCard>
      <ForgotPasswordForm linkMinutes={RESET_LINK_MINUTES} />
    </AuthCard>
  );
}
