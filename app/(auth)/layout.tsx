import { Logo } from "@/components/common/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="bg-muted/40 flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <Logo className="mb-8 text-lg" />
      <div className="bg-card w-full max-w-sm rounded-xl border p-6 shadow-sm sm:p-8">{children}</div>
    </div>
  );
}
