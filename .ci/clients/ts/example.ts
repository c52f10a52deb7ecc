// Calls a running Lector server over gRPC with the generated TypeScript client
// (gen/ts, made by protoc-gen-es) and Connect's gRPC transport for Node.
//
//	node example.js [HOST:PORT]   # default localhost:50051, after compiling with tsc
//
// It runs GetCapabilities, AnalyzeArticle, StreamAnalyzeArticle (printing each
// stage as it arrives), the bidirectional AnalyzeArticles stream and one bad
// request, checks what comes back and exits non-zero on the first failure.
// internal/clienttest compiles it with the pinned tsc of this folder and runs
// it against the real server in `go test ./...`.

import { create } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, createClient, type Client } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";

import { EntityType, Feature } from "../../../gen/ts/article/v1/analysis_pb.js";
import {
  AnalyzeArticlesRequestSchema,
  AnalyzeArticleRequestSchema,
  ArticleAnalysisService,
  EncodingType,
  type AnalyzeArticlesRequest,
} from "../../../gen/ts/article/v1/article_service_pb.js";
import { BadRequestSchema, ErrorInfoSchema } from "../../../gen/ts/google/rpc/error_details_pb.js";

// A short article written for this example. The accented letter and the dash
// make UTF-8 byte offsets differ from the UTF-16 offsets asked for.
const ARTICLE =
  "Zürich — The city council approved a new tram line on Tuesday after a long debate. " +
  "Mayor Corine Mauch said the line would open in 2027. " +
  '"This is the biggest investment in public transport in a decade," Mauch told reporters. ' +
  "The Swiss Federal Railways welcomed the decision, but residents of Oerlikon fear years of construction work.";

const PIPELINE: Record<string, string> = {
  tram: ARTICLE,
  rain: "Heavy rain flooded several streets in Hamburg on Monday night. The fire brigade pumped out dozens of cellars.",
  empty: "", // a bad article: its result is an error, the others still succeed
};

const TIMEOUT_MS = 60_000;

type Lector = Client<typeof ArticleAnalysisService>;

function check(cond: boolean, what: string): asserts cond {
  if (!cond) throw new Error(what);
}

// The offsets are in UTF-16 code units (ENCODING_TYPE_UTF16), so a span is a
// JavaScript string slice.
function checkSpan(text: string, span: { content: string; beginOffset: number; length: number } | undefined, what: string) {
  check(span !== undefined, `${what}: no span`);
  const got = text.slice(span.beginOffset, span.beginOffset + span.length);
  check(got === span.content, `${what}: text[${span.beginOffset}:+${span.length}] is ${JSON.stringify(got)}, the span says ${JSON.stringify(span.content)}`);
}

function article(id: string, text: string) {
  return {
    article: { id, source: { case: "text" as const, value: text }, publishTime: timestampFromDate(new Date("2026-03-03T09:00:00Z")), languageCode: "en" },
    encodingType: EncodingType.UTF16,
  };
}

function millis(d: { seconds: bigint; nanos: number } | undefined): number {
  return d ? Number(d.seconds) * 1e3 + d.nanos / 1e6 : 0;
}

async function capabilities(client: Lector) {
  const caps = await client.getCapabilities({}, { timeoutMs: TIMEOUT_MS });
  const available = caps.features.filter((f) => f.available).map((f) => Feature[f.feature]);
  console.log(`server ${caps.serverVersion}: ${available.length} of ${caps.features.length} features available`);
  console.log(`  limits: ${caps.limits?.maxArticleBytes} bytes per article, ${caps.limits?.maxBatchSize} per batch`);
  check((caps.limits?.maxArticleBytes ?? 0n) > 0n, "GetCapabilities: no article limit");
  check(available.length > 0, "GetCapabilities: no feature available");
}

async function analyze(client: Lector) {
  const { analysis: a } = await client.analyzeArticle(create(AnalyzeArticleRequestSchema, article("tram", ARTICLE)), { timeoutMs: TIMEOUT_MS });
  check(a !== undefined, "AnalyzeArticle: no analysis");
  console.log(
    `AnalyzeArticle: language ${a.language?.code || "(none)"}, ${a.statistics?.words} words, ${a.sentences.length} sentences, ` +
      `${a.entities.length} entities, ${a.quotes.length} quotes`,
  );
  check(a.sentences.length >= 3, `AnalyzeArticle: ${a.sentences.length} sentences, want at least 3`);
  a.sentences.forEach((s, i) => checkSpan(ARTICLE, s.text, `sentence ${i}`));
  for (const e of a.entities.slice(0, 8)) {
    console.log(`  entity ${JSON.stringify(e.name)} ${EntityType[e.type]} salience ${e.salience.toFixed(2)}`);
  }
  for (const e of a.entities) e.mentions.forEach((m) => checkSpan(ARTICLE, m.text, `mention of ${e.name}`));
  for (const q of a.quotes) {
    console.log(`  quote by ${q.speaker?.name || "?"}: ${JSON.stringify(q.content?.content)}`);
    checkSpan(ARTICLE, q.content, "quote");
  }
  for (const n of a.notices) console.log(`  notice: ${Feature[n.feature]}: ${n.reason}`);
}

async function stream(client: Lector) {
  console.log("StreamAnalyzeArticle:");
  const start = performance.now();
  const stages: string[] = [];
  for await (const msg of client.streamAnalyzeArticle(article("tram", ARTICLE), { timeoutMs: TIMEOUT_MS })) {
    const r = msg.result;
    if (r.case === undefined) throw new Error("StreamAnalyzeArticle: a message without a result");
    stages.push(r.case);
    let detail = "";
    switch (r.case) {
      case "syntax":
        detail = `${r.value.sentences.length} sentences`;
        break;
      case "language":
        detail = r.value.code;
        break;
      case "entities":
        detail = r.value.entities.slice(0, 5).map((e) => e.name).join(", ");
        break;
      case "quotes":
        detail = `${r.value.quotes.length} quotes`;
        break;
      case "completion":
        detail = r.value.stageTimings.map((t) => `${t.stage} ${millis(t.duration).toFixed(1)} ms`).join(", ");
        break;
    }
    console.log(`  ${(performance.now() - start).toFixed(1).padStart(7)} ms  ${r.case}  ${detail}`);
  }
  check(stages.length >= 3, `StreamAnalyzeArticle: ${stages.length} messages, want at least 3`);
  check(stages[stages.length - 1] === "completion", `StreamAnalyzeArticle: last message is ${stages[stages.length - 1]}, want completion`);
  check(stages.includes("syntax"), "StreamAnalyzeArticle: no syntax stage");
}

async function pipeline(client: Lector) {
  console.log(`AnalyzeArticles (bidirectional) with ${Object.keys(PIPELINE).length} articles:`);
  async function* requests(): AsyncIterable<AnalyzeArticlesRequest> {
    for (const [id, text] of Object.entries(PIPELINE)) yield create(AnalyzeArticlesRequestSchema, article(id, text));
  }
  const seen = new Set<string>();
  for await (const res of client.analyzeArticles(requests(), { timeoutMs: TIMEOUT_MS })) {
    check(!seen.has(res.articleId), `AnalyzeArticles: two results for ${res.articleId}`);
    seen.add(res.articleId);
    const text = PIPELINE[res.articleId];
    check(text !== undefined, `AnalyzeArticles: a result for an unknown article ${res.articleId}`);
    if (res.result.case === "analysis") {
      console.log(`  #${res.requestIndex} ${res.articleId}: ${res.result.value.sentences.length} sentences`);
      check(text !== "", `AnalyzeArticles: the empty article ${res.articleId} did not fail`);
      res.result.value.sentences.forEach((s) => checkSpan(text, s.text, `${res.articleId} sentence`));
    } else {
      const st = res.result.value;
      console.log(`  #${res.requestIndex} ${res.articleId}: error ${Code[st?.code ?? 0]}: ${st?.message}`);
      check(text === "" && st?.code === Code.InvalidArgument, `AnalyzeArticles: ${res.articleId} failed: ${st?.message}`);
    }
  }
  check(seen.size === Object.keys(PIPELINE).length, `AnalyzeArticles: ${seen.size} results, want ${Object.keys(PIPELINE).length}`);
}

async function badRequest(client: Lector) {
  try {
    await client.analyzeArticle(article("blank", "   "), { timeoutMs: TIMEOUT_MS });
  } catch (e) {
    const err = ConnectError.from(e);
    const [info] = err.findDetails(ErrorInfoSchema);
    console.log(`bad request: ${Code[err.code]} ${info?.reason} (domain ${info?.domain}): ${err.rawMessage}`);
    for (const br of err.findDetails(BadRequestSchema)) {
      for (const v of br.fieldViolations) console.log(`  field ${v.field}: ${v.description}`);
    }
    check(err.code === Code.InvalidArgument, `bad request: code ${Code[err.code]}`);
    check(info?.reason === "EMPTY_ARTICLE", `bad request: ErrorInfo reason ${info?.reason}, want EMPTY_ARTICLE`);
    return;
  }
  throw new Error("bad request: an empty article was accepted");
}

async function main() {
  const addr = process.argv[2] ?? process.env.LECTOR_ADDR ?? "localhost:50051";
  const client: Lector = createClient(ArticleAnalysisService, createGrpcTransport({ baseUrl: `http://${addr}` }));
  const steps = [capabilities, analyze, stream, pipeline, badRequest];
  for (const step of steps) await step(client);
  console.log(`typescript client: ${steps.length} passed, 0 failed`);
}

main().catch((e: unknown) => {
  console.error(`FAIL: ${e instanceof ConnectError ? `RPC error ${Code[e.code]}: ${e.rawMessage}` : e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
