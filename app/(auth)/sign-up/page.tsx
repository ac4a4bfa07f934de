import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="text-muted-foreground mt-1 mb-6 text-sm">Start on the Starter plan. No card needed to try the sandbox.</p>
      <SignUpForm />
    </>
  );
}
