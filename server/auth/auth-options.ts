import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import AzureADProvider from "next-auth/providers/azure-ad";
import OktaProvider from "next-auth/providers/okta";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/env";
import { AppError } from "@/lib/errors";
import { authenticateWithPassword } from "./authenticate";
import { clientAddress } from "./client-address";
import { revokeSessions } from "./revoke-session";

function ssoProviders(): NextAuthOptions["providers"] {
  const providers: NextAuthOptions["providers"] = [];
  if (env.AUTH_GOOGLE_CLIENT_ID && env.AUTH_GOOGLE_CLIENT_SECRET) {
    providers.push(
      GoogleProvider({ clientId: env.AUTH_GOOGLE_CLIENT_ID, clientSecret: env.AUTH_GOOGLE_CLIENT_SECRET }),
    );
  }
  if (env.AUTH_ENTRA_CLIENT_ID && env.AUTH_ENTRA_CLIENT_SECRET) {
    providers.push(
      AzureADProvider({
        clientId: env.AUTH_ENTRA_CLIENT_ID,
        clientSecret: env.AUTH_ENTRA_CLIENT_SECRET,
        tenantId: env.AUTH_ENTRA_TENANT_ID,
      }),
    );
  }
  if (env.AUTH_OKTA_CLIENT_ID && env.AUTH_OKTA_CLIENT_SECRET && env.AUTH_OKTA_ISSUER) {
    providers.push(
      OktaProvider({
        clientId: env.AUTH_OKTA_CLIENT_ID,
        clientSecret: env.AUTH_OKTA_CLIENT_SECRET,
        issuer: env.AUTH_OKTA_ISSUER,
      }),
    );
  }
  return providers;
}

export const signInPolicy = {
  maxFailures: env.SIGNIN_MAX_FAILURES,
  windowMinutes: env.SIGNIN_LOCK_MINUTES,
  lockMinutes: env.SIGNIN_LOCK_MINUTES,
};

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) throw new Error("Enter your email and password.");
        try {
          const user = await authenticateWithPassword(
            await getDb(),
            {
              email: credentials.email,
              password: credentials.password,
              ip: clientAddress(req.headers ?? {}),
            },
            signInPolicy,
          );
          return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
        } catch (error) {
          // next-auth passes the message to the sign-in page as ?error=...
          if (error instanceof AppError) throw new Error(error.message);
          throw error;
        }
      },
    }),
    ...ssoProviders(),
  ],
  events: {
    // Signing out revokes the session server-side, not just the cookie in this browser.
    async signOut({ token }) {
      if (typeof token?.uid === "string") {
        await revokeSessions(await getDb(), token.uid, typeof token.sv === "number" ? token.sv : 0);
      }
    },
  },
  callbacks: {
    // Single sign-on only admits people an admin has already added to Baton.
    async signIn({ user, account }) {
      if (!account || account.provider === "credentials") return true;
      const email = user.email?.trim().toLowerCase();
      if (!email) return false;
      const [row] = await (await getDb()).select().from(users).where(eq(users.email, email)).limit(1);
      return Boolean(row?.active);
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        let id = user.id;
        let sv = (user as { sv?: number }).sv ?? 0;
        if (account.provider !== "credentials") {
          const [row] = await (
            await getDb()
          )
            .select()
            .from(users)
            .where(eq(users.email, (user.email ?? "").toLowerCase()))
            .limit(1);
          if (!row) return token;
          id = row.id;
          sv = row.sessionVersion;
        }
        token.uid = id;
        token.sv = sv;
      }
      return token;
    },
    async session({ session, token }) {
      if (typeof token.uid === "string") {
        session.uid = token.uid;
        session.sv = typeof token.sv === "number" ? token.sv : 0;
      }
      return session;
    },
  },
};

export function enabledSsoProviders(): { id: string; name: string }[] {
  return ssoProviders().map((p) => ({ id: p.id, name: p.name }));
}
