export { escapeHtml } from "./escape-html";
export { EmailNotConfiguredError, sendEmail, type EmailMessage } from "./send-email";
export { emailConfigured, setSmtpUrlForTests, smtpUrl } from "./transport";
