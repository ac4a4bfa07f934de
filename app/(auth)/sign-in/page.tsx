import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; created?: string }> }) {
  const { callbackUrl, created } = await searchParams;
  return (
    <>
      <h1 className="text-xl font-semibold">Welcome back</h1>
      <p className="text-muted-foreground mt-1 mb-6 text-sm">Sign in to manage your ads.</p>
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} created={created === "1"} />
    </>
  );
}
