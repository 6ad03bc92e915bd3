// A telecaller's day through the client generated from docs/openapi.json, against a running service in Development
// (demo accounts, the TeleCMI stand-in in-process): sign in, find a driver, call them, follow the call to its end,
// record the outcome, list calls, read the reports, sign out. Every response is checked against the document (api.ts).
//
//   TELECMI_BASE_URL=http://localhost:5080 node client-check/dist/flow.js     (scripts/client-check.sh does it all)
import { randomInt, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import type { components } from "../generated/api.js";
import { createApi, expect, expectProblem, type Api } from "./api.js";
import { ContractViolation, ResponseContract, type CheckedResponse } from "./contract.js";

type CallStatus = components["schemas"]["CallStatus"];
type ProblemDetails = components["schemas"]["ProblemDetails"];
type ValidationProblemDetails = components["schemas"]["ValidationProblemDetails"];

const baseUrl = process.env.TELECMI_BASE_URL ?? "http://localhost:5080";
const documentPath = process.env.OPENAPI_DOCUMENT ?? fileURLToPath(new URL("../../../../docs/openapi.json", import.meta.url));
const pollSeconds = Number(process.env.CLIENT_CHECK_POLL_SECONDS ?? "60");

// The Development demo accounts (README, "Demo accounts"); they exist in Development only.
const demo = {
  admin: { username: "admin", password: "admin-demo-pass" },
  telecaller: { username: "asha", password: "asha-demo-pass" },
} as const;

const finalStatuses: ReadonlySet<CallStatus> = new Set(["completed", "missed", "failed", "unknown", "not_placed"]);

const contract = new ResponseContract(documentPath);
const checked: CheckedResponse[] = [];
const api = (token?: string): Api => createApi(baseUrl, contract, checked, token);

function step(text: string): void {
  console.log(`- ${text}`);
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function isValidationProblem(problem: ProblemDetails | ValidationProblemDetails): problem is ValidationProblemDetails {
  return typeof problem.errors === "object" && problem.errors !== null;
}

async function signIn(account: { username: string; password: string }): Promise<string> {
  const token = expect(await api().POST("/api/auth/token", { body: account }), 200, `signIn ${account.username}`);
  assert(token.tokenType === "Bearer", `signIn: tokenType ${token.tokenType}`);
  return token.accessToken;
}

async function main(): Promise<void> {
  console.log(`client check: ${baseUrl}, contract ${documentPath}`);

  step("signIn with a wrong password is refused");
  const refused = await api().POST("/api/auth/token", { body: { username: demo.telecaller.username, password: "not-the-password" } });
  expectProblem(refused, 401, "signIn with a wrong password");

  step("the admin signs in and creates a driver");
  const admin = api(await signIn(demo.admin));
  // The stand-in picks its scenario from the last four digits; ending in 9 is the happy path (never 0001-0006).
  const driverId = `CC-${Date.now()}`;
  const driverName = `Client Check ${randomUUID().slice(0, 8)}`;
  const driver = expect(
    await admin.POST("/api/drivers", {
      body: { id: driverId, name: driverName, phone: `+9198${String(randomInt(0, 10_000_000)).padStart(7, "0")}9`, kind: "driver" },
    }),
    201,
    "createDriver",
  );
  assert(driver.id === driverId, `createDriver returned id ${driver.id}`);

  step("the telecaller signs in and finds the driver");
  const telecallerToken = await signIn(demo.telecaller);
  const asha = api(telecallerToken);
  const found = expect(await asha.GET("/api/drivers", { params: { query: { search: driverName } } }), 200, "searchDrivers");
  assert(found.items.some((d) => d.id === driverId), `searchDrivers "${driverName}" did not find ${driverId}`);
  expect(await asha.GET("/api/drivers/{id}", { params: { path: { id: driverId } } }), 200, "getDriver");

  step("initiateCall with an Idempotency-Key, then the same request again (replayed)");
  const idempotencyKey = randomUUID();
  const initiate = () =>
    asha.POST("/api/calls", { params: { header: { "Idempotency-Key": idempotencyKey } }, body: { driverId } });
  const call = expect(await initiate(), 201, "initiateCall");
  const replay = await initiate();
  const replayed = expect(replay, 201, "initiateCall replayed");
  assert(replay.response.headers.get("Idempotent-Replayed") === "true", "initiateCall replay: no Idempotent-Replayed: true");
  assert(replayed.id === call.id, `initiateCall replay: id ${replayed.id}, first ${call.id}`);

  step("a second call to the same driver while the first is live is 409; an empty driverId is 400");
  const second = await asha.POST("/api/calls", { params: { header: { "Idempotency-Key": randomUUID() } }, body: { driverId } });
  expectProblem(second, 409, "initiateCall while the driver is being called");
  const invalid = expectProblem(await asha.POST("/api/calls", { body: { driverId: "" } }), 400, "initiateCall without a driver");
  assert(isValidationProblem(invalid) && invalid.errors?.["driverId"] !== undefined, `initiateCall 400 does not name driverId: ${JSON.stringify(invalid)}`);

  step(`getCall until the stand-in's webhooks end the call and its last CDR names the recording (at most ${pollSeconds} s)`);
  const seen: CallStatus[] = [call.status];
  let current = call;
  const deadline = Date.now() + pollSeconds * 1000;
  while (!finalStatuses.has(current.status) || (current.status === "completed" && !current.hasRecording)) {
    assert(Date.now() < deadline, `call ${call.id} after ${pollSeconds} s: ${JSON.stringify(current)} (seen: ${seen.join(" → ")})`);
    await sleep(300);
    current = expect(await asha.GET("/api/calls/{id}", { params: { path: { id: call.id } } }), 200, "getCall");
    if (seen.at(-1) !== current.status) seen.push(current.status);
  }
  console.log(`  statuses: ${seen.join(" → ")}`);
  assert(current.status === "completed", `call ${call.id} ended ${current.status}, expected completed`);
  assert(current.durationSeconds !== null, `a completed stand-in call has a duration: ${JSON.stringify(current)}`);

  step("getCallRecording streams the audio; getCall of an unknown id is 404");
  const recording = await asha.GET("/api/calls/{id}/recording", { params: { path: { id: call.id } }, parseAs: "arrayBuffer" });
  assert(expect(recording, 200, "getCallRecording").byteLength > 0, "getCallRecording: empty audio");
  expectProblem(await asha.GET("/api/calls/{id}", { params: { path: { id: randomUUID() } } }), 404, "getCall unknown id");

  step("updateFeedback records the outcome and a follow-up (getFollowUps); logManualCall logs a hand-dialled call");
  const followUpAt = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
  const withFeedback = expect(
    await asha.PUT("/api/calls/{id}/feedback", {
      params: { path: { id: call.id } },
      body: { outcome: "interested", feedback: "2 trucks free", followUpAt },
    }),
    200,
    "updateFeedback",
  );
  assert(withFeedback.outcome === "interested", `updateFeedback: outcome ${withFeedback.outcome}`);
  // Follow-ups come from the agent's latest call to each driver: read them before the manual call below.
  const followUps = expect(await asha.GET("/api/follow-ups", { params: { query: { due: "all" } } }), 200, "getFollowUps");
  assert(followUps.items.some((f) => f.callId === call.id), "getFollowUps: the follow-up is missing");
  const manual = expect(
    await asha.POST("/api/calls/manual", { body: { driverId, outcome: "not_reachable", remarks: "switched off" } }),
    201,
    "logManualCall",
  );
  assert(manual.provider === "manual", `logManualCall: provider ${manual.provider}`);

  step("getCallLogs one at a time, then the next page by nextCursor");
  const first = expect(await asha.GET("/api/calls", { params: { query: { driverId, limit: 1 } } }), 200, "getCallLogs");
  assert(first.items.length === 1 && first.total === 2, `getCallLogs: ${first.items.length} items, total ${first.total}`);
  assert(first.nextCursor !== null, "getCallLogs: no nextCursor although total is 2");
  const next = expect(
    await asha.GET("/api/calls", { params: { query: { driverId, limit: 1, cursor: first.nextCursor } } }),
    200,
    "getCallLogs by cursor",
  );
  const listed = [...first.items, ...next.items].map((c) => c.id).sort();
  assert(JSON.stringify(listed) === JSON.stringify([call.id, manual.id].sort()), `getCallLogs pages list ${listed.join(", ")}`);
  const csv = expect(await asha.GET("/api/calls/export", { params: { query: { driverId } }, parseAs: "text" }), 200, "exportCallLogs");
  assert(csv.includes(call.id), "exportCallLogs: the call is not in the CSV");

  step("getDailyReport counts the call (the last 30 days); getReportSummary for today");
  const daily = expect(await asha.GET("/api/reports/daily", {}), 200, "getDailyReport");
  assert(daily.totals.calls >= 1 && daily.totals.completed >= 1, `getDailyReport totals: ${JSON.stringify(daily.totals)}`);
  const summary = expect(await asha.GET("/api/reports/summary", { params: { query: { period: "today" } } }), 200, "getReportSummary");
  // Its counts are not asserted: "today" may have turned into tomorrow (business time zone) since the call.
  assert(summary.period === "today", `getReportSummary: period ${summary.period}`);

  step("signOut ends the token: the next request with it is 401");
  const signedOut = await asha.POST("/api/auth/logout", {});
  assert(signedOut.response.status === 204, `signOut: ${signedOut.response.status}`);
  expectProblem(await api(telecallerToken).GET("/api/calls/{id}", { params: { path: { id: call.id } } }), 401, "getCall after signOut");
}

function summarize(): void {
  const byOperation = new Map<string, Set<number>>();
  for (const r of checked) byOperation.set(r.operationId, (byOperation.get(r.operationId) ?? new Set()).add(r.status));
  console.log(`\n${checked.length} responses validated against ${documentPath}`);
  console.log(`${byOperation.size} of ${contract.operations().size} operations called:`);
  for (const [operationId, statuses] of byOperation) console.log(`  ${operationId.padEnd(18)} ${[...statuses].sort().join(", ")}`);
}

try {
  await main();
  summarize();
  console.log("client check: passed");
} catch (error) {
  summarize();
  console.error(`\nclient check: FAILED\n${error instanceof ContractViolation ? "contract violation: " : ""}${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
