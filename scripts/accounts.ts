// Accounts and tokens from the command line:
//   npm run user:create -- --email a@example.org --role admin [--name "A. Person"] [--password …]
//   npm run token:create -- --email a@example.org --name importer [--expires-in-days 90]
// The password comes from --password, the USER_PASSWORD variable, or a prompt
// that does not echo. token:create prints the token alone on its last line.
import readline from "node:readline";
import { parseArgs } from "node:util";
import { CLI_ACTOR } from "../lib/audit/record";
import { databaseConfig } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";
import { resetPrisma } from "../lib/db/client";
import { ROLES } from "../lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "../lib/auth/limits";
import { createApiToken, createUser } from "../lib/writes/accounts";
import type { WriteError } from "../lib/writes/result";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function explain(error: WriteError): string {
  const issues = error.issues?.map((issue) => `  --${issue.path || "?"}: ${issue.message}`).join("\n");
  return issues ? `${error.message.split(":")[0]}:\n${issues}` : error.message;
}

/** Reads a line from the terminal without showing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    output._writeToOutput = (text: string) => {
      if (!asked) {
        process.stdout.write(text);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function passwordFrom(flag: string | undefined): Promise<string> {
  if (flag) return flag;
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (!process.stdin.isTTY) fail("Give the password with --password or the USER_PASSWORD variable (no terminal to ask on).");
  const first = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const second = await promptHidden("The same password again: ");
  if (first !== second) fail("The two passwords differ; nothing was created.");
  return first;
}

async function userCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
  if (!values.email || !values.role) fail(`Usage: npm run user:create -- --email a@example.org --role ${ROLES.join("|")} [--name "A. Person"] [--password …]`);
  const password = await passwordFrom(values.password);
  const result = await createUser(CLI_ACTOR, { email: values.email, role: values.role, name: values.name, password });
  if (!result.ok) fail(explain(result.error));
  console.log(`Created ${result.value.role} account ${result.value.email}. Sign in at /sign-in.`);
}

async function tokenCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" }, "expires-in-days": { type: "string" } } });
  if (!values.email || !values.name) fail("Usage: npm run token:create -- --email a@example.org --name importer [--expires-in-days 90]");
  const days = values["expires-in-days"];
  const result = await createApiToken(CLI_ACTOR, { name: values.name, email: values.email, ...(days ? { expiresInDays: Number(days) } : {}) });
  if (!result.ok) fail(explain(result.error));
  const { owner, expiresAt, token } = result.value;
  console.log(`Token "${result.value.name}" for ${owner.email} (${owner.role})${expiresAt ? `, valid until ${expiresAt.slice(0, 10)}` : ", valid until revoked"}.`);
  console.log("Send it as `Authorization: Bearer <token>`. It is shown only now; keep it secret:");
  console.log(token);
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  await prepareDatabase(databaseConfig());
  if (command === "user:create") await userCreate(args);
  else if (command === "token:create") await tokenCreate(args);
  else fail(`Unknown command "${command ?? ""}": use user:create or token:create.`);
  await resetPrisma();
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
