#!/usr/bin/python3
"""Calls a running Lector server over gRPC with the generated Python client.

    /usr/bin/python3 .ci/clients/python/example.py [HOST:PORT]   # default localhost:50051

It needs Debian's python3-grpcio and python3-protobuf (hence /usr/bin/python3)
and the generated modules in gen/python, which it puts on sys.path itself.
It runs GetCapabilities, AnalyzeArticle, StreamAnalyzeArticle (printing each
stage as it arrives), the bidirectional AnalyzeArticles stream with several
articles (one of them empty), and one bad request, checks what comes back and
exits non-zero on the first failure. internal/clienttest runs it against the
real server in `go test ./...`.
"""

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "gen", "python"))

import grpc  # noqa: E402
from google.protobuf import timestamp_pb2  # noqa: E402
from google.rpc import error_details_pb2, status_pb2  # noqa: E402

from article.v1 import analysis_pb2  # noqa: E402
from article.v1 import article_service_pb2 as pb  # noqa: E402
from article.v1 import article_service_pb2_grpc as pb_grpc  # noqa: E402

# A short article written for this example. The accented letters and the
# dashes make UTF-8 byte offsets differ from the code point offsets asked for.
ARTICLE = (
    "Zürich — The city council approved a new tram line on Tuesday after a long debate. "
    "Mayor Corine Mauch said the line would open in 2027. "
    "\"This is the biggest investment in public transport in a decade,\" Mauch told reporters. "
    "The Swiss Federal Railways welcomed the decision, but residents of Oerlikon fear years of construction work."
)

PIPELINE_ARTICLES = {
    "tram": ARTICLE,
    "rain": "Heavy rain flooded several streets in Hamburg on Monday night. The fire brigade pumped out dozens of cellars.",
    "chess": "Magnus Carlsen won the rapid chess tournament in Oslo on Sunday. He beat Fabiano Caruana in the final round.",
    "budget": "The government of Portugal presented its budget for next year. Finance minister Joaquim Sarmento promised lower taxes.",
    "empty": "",  # a bad article: its result is an error, the others still succeed
}

TIMEOUT = 60  # seconds, for every call

CODE_NAMES = {c.value[0]: c.name for c in grpc.StatusCode}  # google.rpc.Code number -> name


class Failure(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)


def check_span(text, span, what):
    """The offsets are in code points (ENCODING_TYPE_UTF32), so a span is a Python slice."""
    got = text[span.begin_offset:span.begin_offset + span.length]
    check(got == span.content, f"{what}: text[{span.begin_offset}:+{span.length}] is {got!r}, the span says {span.content!r}")


def error_info(status_details):
    """Finds the google.rpc.ErrorInfo among the details (Any) of a google.rpc.Status."""
    for any_msg in status_details:
        info = error_details_pb2.ErrorInfo()
        if any_msg.Unpack(info):
            return info
    return None


def capabilities(stub):
    caps = stub.GetCapabilities(pb.GetCapabilitiesRequest(), timeout=TIMEOUT)
    available = [analysis_pb2.Feature.Name(f.feature) for f in caps.features if f.available]
    print(f"server {caps.server_version}: {len(available)} of {len(caps.features)} features available")
    print(f"  limits: {caps.limits.max_article_bytes} bytes per article, {caps.limits.max_batch_size} per batch")
    check(caps.limits.max_article_bytes > 0, "GetCapabilities: no article limit")
    check(len(available) > 0, "GetCapabilities: no feature available")


def request(cls, text, article_id="tram"):
    published = timestamp_pb2.Timestamp()
    published.FromJsonString("2026-03-03T09:00:00Z")
    return cls(
        article=pb.Article(id=article_id, text=text, publish_time=published, language_code="en"),
        encoding_type=pb.ENCODING_TYPE_UTF32,
    )


def analyze(stub):
    resp = stub.AnalyzeArticle(request(pb.AnalyzeArticleRequest, ARTICLE), timeout=TIMEOUT)
    a = resp.analysis
    print(f"AnalyzeArticle: language {a.language.code or '(none)'}, {a.statistics.words} words, "
          f"{len(a.sentences)} sentences, {len(a.entities)} entities, {len(a.quotes)} quotes")
    check(len(a.sentences) >= 3, f"AnalyzeArticle: {len(a.sentences)} sentences, want at least 3")
    for i, s in enumerate(a.sentences):
        check_span(ARTICLE, s.text, f"sentence {i}")
    for e in a.entities[:8]:
        print(f"  entity {e.name!r} {analysis_pb2.EntityType.Name(e.type)} salience {e.salience:.2f}")
    for e in a.entities:
        for m in e.mentions:
            check_span(ARTICLE, m.text, f"mention of {e.name}")
    for q in a.quotes:
        print(f"  quote by {q.speaker.name or '?'}: {q.content.content!r}")
        check_span(ARTICLE, q.content, "quote")
    for n in a.notices:
        print(f"  notice: {analysis_pb2.Feature.Name(n.feature)}: {n.reason}")


def stream(stub):
    print("StreamAnalyzeArticle:")
    start = time.monotonic()
    stages = []
    for msg in stub.StreamAnalyzeArticle(request(pb.StreamAnalyzeArticleRequest, ARTICLE), timeout=TIMEOUT):
        stage = msg.WhichOneof("result")
        stages.append(stage)
        ms = (time.monotonic() - start) * 1000
        detail = ""
        if stage == "syntax":
            detail = f"{len(msg.syntax.sentences)} sentences"
        elif stage == "entities":
            detail = ", ".join(e.name for e in msg.entities.entities[:5])
        elif stage == "language":
            detail = msg.language.code
        elif stage == "quotes":
            detail = f"{len(msg.quotes.quotes)} quotes"
        elif stage == "completion":
            detail = ", ".join(f"{t.stage} {t.duration.ToMilliseconds()} ms" for t in msg.completion.stage_timings)
        print(f"  {ms:7.1f} ms  {stage}  {detail}")
    check(len(stages) >= 3, f"StreamAnalyzeArticle: {len(stages)} messages, want at least 3")
    check(stages[-1] == "completion", f"StreamAnalyzeArticle: last message is {stages[-1]}, want completion")
    check("syntax" in stages, "StreamAnalyzeArticle: no syntax stage")


def pipeline(stub):
    print(f"AnalyzeArticles (bidirectional) with {len(PIPELINE_ARTICLES)} articles:")

    def requests():
        for article_id, text in PIPELINE_ARTICLES.items():
            yield request(pb.AnalyzeArticlesRequest, text, article_id)

    results = {}
    for resp in stub.AnalyzeArticles(requests(), timeout=TIMEOUT):
        check(resp.article_id not in results, f"AnalyzeArticles: two results for {resp.article_id}")
        results[resp.article_id] = resp
        if resp.WhichOneof("result") == "analysis":
            names = ", ".join(e.name for e in resp.analysis.entities[:4])
            print(f"  #{resp.request_index} {resp.article_id}: {len(resp.analysis.sentences)} sentences"
                  + (f", entities {names}" if names else ""))
        else:
            info = error_info(resp.error.details)
            print(f"  #{resp.request_index} {resp.article_id}: error {CODE_NAMES.get(resp.error.code, resp.error.code)}"
                  f" {info.reason if info else ''}: {resp.error.message}")
    check(set(results) == set(PIPELINE_ARTICLES), f"AnalyzeArticles: results for {sorted(results)}, want {sorted(PIPELINE_ARTICLES)}")
    for article_id, text in PIPELINE_ARTICLES.items():
        r = results[article_id]
        if text:
            check(r.WhichOneof("result") == "analysis", f"AnalyzeArticles: {article_id} failed: {r.error.message}")
            check(len(r.analysis.sentences) >= 2, f"AnalyzeArticles: {article_id} has {len(r.analysis.sentences)} sentences")
            for s in r.analysis.sentences:
                check_span(text, s.text, f"{article_id} sentence")
        else:
            check(r.WhichOneof("result") == "error", f"AnalyzeArticles: the empty article {article_id} did not fail")
            check(r.error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0], f"AnalyzeArticles: error code {r.error.code}")
            info = error_info(r.error.details)
            check(info is not None and info.reason == "EMPTY_ARTICLE", f"AnalyzeArticles: ErrorInfo {info}")


def bad_request(stub):
    try:
        stub.AnalyzeArticle(request(pb.AnalyzeArticleRequest, "   "), timeout=TIMEOUT)
    except grpc.RpcError as err:
        # the google.rpc.Status with its details travels in the trailers
        raw = dict(err.trailing_metadata() or ()).get("grpc-status-details-bin")
        check(raw is not None, "bad request: no grpc-status-details-bin trailer")
        status = status_pb2.Status.FromString(raw)
        info = error_info(status.details)
        reason = info.reason if info else None
        print(f"bad request: {err.code().name} {reason} (domain {info.domain if info else None}): {err.details()}")
        for any_msg in status.details:
            violations = error_details_pb2.BadRequest()
            if any_msg.Unpack(violations):
                for v in violations.field_violations:
                    print(f"  field {v.field}: {v.description}")
        check(err.code() == grpc.StatusCode.INVALID_ARGUMENT, f"bad request: code {err.code()}")
        check(reason == "EMPTY_ARTICLE", f"bad request: ErrorInfo reason {reason}, want EMPTY_ARTICLE")
        return
    raise Failure("bad request: an empty article was accepted")


def main():
    addr = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("LECTOR_ADDR", "localhost:50051")
    with grpc.insecure_channel(addr) as channel:
        stub = pb_grpc.ArticleAnalysisServiceStub(channel)
        steps = [capabilities, analyze, stream, pipeline, bad_request]
        for step in steps:
            step(stub)
    print(f"python client: {len(steps)} passed, 0 failed")


if __name__ == "__main__":
    try:
        main()
    except Failure as f:
        print(f"FAIL: {f}", file=sys.stderr)
        sys.exit(1)
    except grpc.RpcError as err:
        print(f"FAIL: RPC error {err.code().name}: {err.details()}", file=sys.stderr)
        sys.exit(1)
