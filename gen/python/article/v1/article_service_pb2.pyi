from article.v1 import analysis_pb2 as _analysis_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.rpc import status_pb2 as _status_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
ENCODING_TYPE_UNSPECIFIED: EncodingType
ENCODING_TYPE_UTF16: EncodingType
ENCODING_TYPE_UTF32: EncodingType
ENCODING_TYPE_UTF8: EncodingType

class AnalysisOptions(_message.Message):
    __slots__ = ["key_phrase_count", "summary_sentences"]
    KEY_PHRASE_COUNT_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_SENTENCES_FIELD_NUMBER: _ClassVar[int]
    key_phrase_count: int
    summary_sentences: int
    def __init__(self, summary_sentences: _Optional[int] = ..., key_phrase_count: _Optional[int] = ...) -> None: ...

class AnalyzeArticleRequest(_message.Message):
    __slots__ = ["article", "encoding_type", "features", "options"]
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    ENCODING_TYPE_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    article: Article
    encoding_type: EncodingType
    features: _containers.RepeatedScalarFieldContainer[_analysis_pb2.Feature]
    options: AnalysisOptions
    def __init__(self, article: _Optional[_Union[Article, _Mapping]] = ..., features: _Optional[_Iterable[_Union[_analysis_pb2.Feature, str]]] = ..., encoding_type: _Optional[_Union[EncodingType, str]] = ..., options: _Optional[_Union[AnalysisOptions, _Mapping]] = ...) -> None: ...

class AnalyzeArticleResponse(_message.Message):
    __slots__ = ["analysis"]
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    analysis: _analysis_pb2.Analysis
    def __init__(self, analysis: _Optional[_Union[_analysis_pb2.Analysis, _Mapping]] = ...) -> None: ...

class AnalyzeArticlesRequest(_message.Message):
    __slots__ = ["article", "encoding_type", "features", "options"]
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    ENCODING_TYPE_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    article: Article
    encoding_type: EncodingType
    features: _containers.RepeatedScalarFieldContainer[_analysis_pb2.Feature]
    options: AnalysisOptions
    def __init__(self, article: _Optional[_Union[Article, _Mapping]] = ..., features: _Optional[_Iterable[_Union[_analysis_pb2.Feature, str]]] = ..., encoding_type: _Optional[_Union[EncodingType, str]] = ..., options: _Optional[_Union[AnalysisOptions, _Mapping]] = ...) -> None: ...

class AnalyzeArticlesResponse(_message.Message):
    __slots__ = ["analysis", "article_id", "error", "request_index"]
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    REQUEST_INDEX_FIELD_NUMBER: _ClassVar[int]
    analysis: _analysis_pb2.Analysis
    article_id: str
    error: _status_pb2.Status
    request_index: int
    def __init__(self, article_id: _Optional[str] = ..., request_index: _Optional[int] = ..., analysis: _Optional[_Union[_analysis_pb2.Analysis, _Mapping]] = ..., error: _Optional[_Union[_status_pb2.Status, _Mapping]] = ...) -> None: ...

class Article(_message.Message):
    __slots__ = ["html", "id", "language_code", "publish_time", "text", "title", "url"]
    HTML_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_CODE_FIELD_NUMBER: _ClassVar[int]
    PUBLISH_TIME_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    html: str
    id: str
    language_code: str
    publish_time: _timestamp_pb2.Timestamp
    text: str
    title: str
    url: str
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., html: _Optional[str] = ..., url: _Optional[str] = ..., title: _Optional[str] = ..., publish_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., language_code: _Optional[str] = ...) -> None: ...

class ArticleResult(_message.Message):
    __slots__ = ["analysis", "article_id", "error"]
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    analysis: _analysis_pb2.Analysis
    article_id: str
    error: _status_pb2.Status
    def __init__(self, article_id: _Optional[str] = ..., analysis: _Optional[_Union[_analysis_pb2.Analysis, _Mapping]] = ..., error: _Optional[_Union[_status_pb2.Status, _Mapping]] = ...) -> None: ...

class BatchAnalyzeArticlesRequest(_message.Message):
    __slots__ = ["requests"]
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[AnalyzeArticleRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[AnalyzeArticleRequest, _Mapping]]] = ...) -> None: ...

class BatchAnalyzeArticlesResponse(_message.Message):
    __slots__ = ["results"]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[ArticleResult]
    def __init__(self, results: _Optional[_Iterable[_Union[ArticleResult, _Mapping]]] = ...) -> None: ...

class CategoriesResult(_message.Message):
    __slots__ = ["categories"]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    categories: _containers.RepeatedCompositeFieldContainer[_analysis_pb2.Category]
    def __init__(self, categories: _Optional[_Iterable[_Union[_analysis_pb2.Category, _Mapping]]] = ...) -> None: ...

class EntitiesResult(_message.Message):
    __slots__ = ["entities"]
    ENTITIES_FIELD_NUMBER: _ClassVar[int]
    entities: _containers.RepeatedCompositeFieldContainer[_analysis_pb2.Entity]
    def __init__(self, entities: _Optional[_Iterable[_Union[_analysis_pb2.Entity, _Mapping]]] = ...) -> None: ...

class FeatureCapability(_message.Message):
    __slots__ = ["available", "feature", "language_codes", "model_version", "reason"]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    FEATURE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_CODES_FIELD_NUMBER: _ClassVar[int]
    MODEL_VERSION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    available: bool
    feature: _analysis_pb2.Feature
    language_codes: _containers.RepeatedScalarFieldContainer[str]
    model_version: str
    reason: str
    def __init__(self, feature: _Optional[_Union[_analysis_pb2.Feature, str]] = ..., available: bool = ..., language_codes: _Optional[_Iterable[str]] = ..., model_version: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class GetCapabilitiesRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class GetCapabilitiesResponse(_message.Message):
    __slots__ = ["features", "limits", "server_version"]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    LIMITS_FIELD_NUMBER: _ClassVar[int]
    SERVER_VERSION_FIELD_NUMBER: _ClassVar[int]
    features: _containers.RepeatedCompositeFieldContainer[FeatureCapability]
    limits: Limits
    server_version: str
    def __init__(self, features: _Optional[_Iterable[_Union[FeatureCapability, _Mapping]]] = ..., limits: _Optional[_Union[Limits, _Mapping]] = ..., server_version: _Optional[str] = ...) -> None: ...

class KeyPhrasesResult(_message.Message):
    __slots__ = ["key_phrases"]
    KEY_PHRASES_FIELD_NUMBER: _ClassVar[int]
    key_phrases: _containers.RepeatedCompositeFieldContainer[_analysis_pb2.KeyPhrase]
    def __init__(self, key_phrases: _Optional[_Iterable[_Union[_analysis_pb2.KeyPhrase, _Mapping]]] = ...) -> None: ...

class Limits(_message.Message):
    __slots__ = ["max_article_bytes", "max_batch_size", "max_concurrency", "max_html_bytes"]
    MAX_ARTICLE_BYTES_FIELD_NUMBER: _ClassVar[int]
    MAX_BATCH_SIZE_FIELD_NUMBER: _ClassVar[int]
    MAX_CONCURRENCY_FIELD_NUMBER: _ClassVar[int]
    MAX_HTML_BYTES_FIELD_NUMBER: _ClassVar[int]
    max_article_bytes: int
    max_batch_size: int
    max_concurrency: int
    max_html_bytes: int
    def __init__(self, max_article_bytes: _Optional[int] = ..., max_batch_size: _Optional[int] = ..., max_concurrency: _Optional[int] = ..., max_html_bytes: _Optional[int] = ...) -> None: ...

class QuotesResult(_message.Message):
    __slots__ = ["quotes"]
    QUOTES_FIELD_NUMBER: _ClassVar[int]
    quotes: _containers.RepeatedCompositeFieldContainer[_analysis_pb2.Quote]
    def __init__(self, quotes: _Optional[_Iterable[_Union[_analysis_pb2.Quote, _Mapping]]] = ...) -> None: ...

class SentimentResult(_message.Message):
    __slots__ = ["document", "entities", "sentences"]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    ENTITIES_FIELD_NUMBER: _ClassVar[int]
    SENTENCES_FIELD_NUMBER: _ClassVar[int]
    document: _analysis_pb2.Sentiment
    entities: _containers.RepeatedCompositeFieldContainer[_analysis_pb2.Sentiment]
    sentences: _containers.RepeatedCompositeFieldContainer[_analysis_pb2.Sentiment]
    def __init__(self, document: _Optional[_Union[_analysis_pb2.Sentiment, _Mapping]] = ..., sentences: _Optional[_Iterable[_Union[_analysis_pb2.Sentiment, _Mapping]]] = ..., entities: _Optional[_Iterable[_Union[_analysis_pb2.Sentiment, _Mapping]]] = ...) -> None: ...

class SourceResult(_message.Message):
    __slots__ = ["metadata", "text"]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    metadata: _analysis_pb2.Metadata
    text: str
    def __init__(self, text: _Optional[str] = ..., metadata: _Optional[_Union[_analysis_pb2.Metadata, _Mapping]] = ...) -> None: ...

class StageTiming(_message.Message):
    __slots__ = ["duration", "stage"]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    duration: _duration_pb2.Duration
    stage: str
    def __init__(self, stage: _Optional[str] = ..., duration: _Optional[_Union[_duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class StreamAnalyzeArticleRequest(_message.Message):
    __slots__ = ["article", "encoding_type", "features", "options"]
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    ENCODING_TYPE_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    article: Article
    encoding_type: EncodingType
    features: _containers.RepeatedScalarFieldContainer[_analysis_pb2.Feature]
    options: AnalysisOptions
    def __init__(self, article: _Optional[_Union[Article, _Mapping]] = ..., features: _Optional[_Iterable[_Union[_analysis_pb2.Feature, str]]] = ..., encoding_type: _Optional[_Union[EncodingType, str]] = ..., options: _Optional[_Union[AnalysisOptions, _Mapping]] = ...) -> None: ...

class StreamAnalyzeArticleResponse(_message.Message):
    __slots__ = ["categories", "completion", "entities", "key_phrases", "language", "quotes", "sentiment", "source", "statistics", "summary", "syntax", "time_expressions"]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_FIELD_NUMBER: _ClassVar[int]
    ENTITIES_FIELD_NUMBER: _ClassVar[int]
    KEY_PHRASES_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    QUOTES_FIELD_NUMBER: _ClassVar[int]
    SENTIMENT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    STATISTICS_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    SYNTAX_FIELD_NUMBER: _ClassVar[int]
    TIME_EXPRESSIONS_FIELD_NUMBER: _ClassVar[int]
    categories: CategoriesResult
    completion: StreamCompletion
    entities: EntitiesResult
    key_phrases: KeyPhrasesResult
    language: _analysis_pb2.Language
    quotes: QuotesResult
    sentiment: SentimentResult
    source: SourceResult
    statistics: _analysis_pb2.Statistics
    summary: _analysis_pb2.Summary
    syntax: SyntaxResult
    time_expressions: TimeExpressionsResult
    def __init__(self, source: _Optional[_Union[SourceResult, _Mapping]] = ..., language: _Optional[_Union[_analysis_pb2.Language, _Mapping]] = ..., syntax: _Optional[_Union[SyntaxResult, _Mapping]] = ..., entities: _Optional[_Union[EntitiesResult, _Mapping]] = ..., key_phrases: _Optional[_Union[KeyPhrasesResult, _Mapping]] = ..., summary: _Optional[_Union[_analysis_pb2.Summary, _Mapping]] = ..., sentiment: _Optional[_Union[SentimentResult, _Mapping]] = ..., quotes: _Optional[_Union[QuotesResult, _Mapping]] = ..., time_expressions: _Optional[_Union[TimeExpressionsResult, _Mapping]] = ..., categories: _Optional[_Union[CategoriesResult, _Mapping]] = ..., statistics: _Optional[_Union[_analysis_pb2.Statistics, _Mapping]] = ..., completion: _Optional[_Union[StreamCompletion, _Mapping]] = ...) -> None: ...

class StreamCompletion(_message.Message):
    __slots__ = ["notices", "stage_timings", "total_duration"]
    NOTICES_FIELD_NUMBER: _ClassVar[int]
    STAGE_TIMINGS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DURATION_FIELD_NUMBER: _ClassVar[int]
    notices: _containers.RepeatedCompositeFieldContainer[_analysis_pb2.Notice]
    stage_timings: _containers.RepeatedCompositeFieldContainer[StageTiming]
    total_duration: _duration_pb2.Duration
    def __init__(self, notices: _Optional[_Iterable[_Union[_analysis_pb2.Notice, _Mapping]]] = ..., stage_timings: _Optional[_Iterable[_Union[StageTiming, _Mapping]]] = ..., total_duration: _Optional[_Union[_duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class SyntaxResult(_message.Message):
    __slots__ = ["sentences", "tokens"]
    SENTENCES_FIELD_NUMBER: _ClassVar[int]
    TOKENS_FIELD_NUMBER: _ClassVar[int]
    sentences: _containers.RepeatedCompositeFieldContainer[_analysis_pb2.Sentence]
    tokens: _containers.RepeatedCompositeFieldContainer[_analysis_pb2.Token]
    def __init__(self, sentences: _Optional[_Iterable[_Union[_analysis_pb2.Sentence, _Mapping]]] = ..., tokens: _Optional[_Iterable[_Union[_analysis_pb2.Token, _Mapping]]] = ...) -> None: ...

class TimeExpressionsResult(_message.Message):
    __slots__ = ["time_expressions"]
    TIME_EXPRESSIONS_FIELD_NUMBER: _ClassVar[int]
    time_expressions: _containers.RepeatedCompositeFieldContainer[_analysis_pb2.TimeExpression]
    def __init__(self, time_expressions: _Optional[_Iterable[_Union[_analysis_pb2.TimeExpression, _Mapping]]] = ...) -> None: ...

class EncodingType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
