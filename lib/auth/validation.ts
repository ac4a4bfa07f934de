import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(255, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like you@business.com." }));

// The most common leaked passwords that also pass the length rule.
const COMMON = new Set([
  "password12", "password123", "password1234", "1234567890", "qwertyuiop", "123456789a", "iloveyou12",
  "qwerty1234", "1q2w3e4r5t", "passw0rd12", "letmein123", "welcome123", "admin12345", "abc1234567",
  "football12", "baseball12", "sunshine12", "princess12", "1qaz2wsx3edc", "qwertyuiop1", "trustno1234",
  "changeme123", "password!1", "Password123", "Password1!",
].map((p) => p.toLowerCase()));

/** Why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < 10) return "Use at least 10 characters.";
  if (new TextEncoder().encode(password).length > 128) return "Use at most 128 bytes.";
  if (/^(.)\1+$/.test(password)) return "Don't repeat a single character.";
  if (COMMON.has(password.toLowerCase())) return "That password is too common; choose another.";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return "Don't include your email address in your password.";
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (password.length < 16 && classes < 2) return "Mix letters with numbers or symbols, or use 16+ characters.";
  return null;
}

export const signUpSchema = z
  .object({
    name: z.string().trim().max(120, "Keep your name under 120 characters.").optional().default(""),
    email: emailSchema,
    password: z.string({ error: "Choose a password." }),
  })
  .superRefine((value, context) => {
    const weakness = passwordWeakness(value.password, value.email);
    if (weakness) context.addIssue({ code: "custom", path: ["password"], message: weakness });
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
