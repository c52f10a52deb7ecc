from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
ENTITY_TYPE_DATE: EntityType
ENTITY_TYPE_EVENT: EntityType
ENTITY_TYPE_LAW: EntityType
ENTITY_TYPE_LOCATION: EntityType
ENTITY_TYPE_MISC: EntityType
ENTITY_TYPE_MONEY: EntityType
ENTITY_TYPE_NATIONALITY: EntityType
ENTITY_TYPE_ORGANIZATION: EntityType
ENTITY_TYPE_PERCENT: EntityType
ENTITY_TYPE_PERSON: EntityType
ENTITY_TYPE_PRODUCT: EntityType
ENTITY_TYPE_QUANTITY: EntityType
ENTITY_TYPE_TIME: EntityType
ENTITY_TYPE_UNSPECIFIED: EntityType
ENTITY_TYPE_WORK_OF_ART: EntityType
FEATURE_CATEGORIES: Feature
FEATURE_ENTITIES: Feature
FEATURE_KEY_PHRASES: Feature
FEATURE_LANGUAGE: Feature
FEATURE_QUOTES: Feature
FEATURE_SENTIMENT: Feature
FEATURE_STATISTICS: Feature
FEATURE_SUMMARY: Feature
FEATURE_SYNTAX: Feature
FEATURE_TIME_EXPRESSIONS: Feature
FEATURE_UNSPECIFIED: Feature
MENTION_TYPE_COMMON: MentionType
MENTION_TYPE_PRONOUN: MentionType
MENTION_TYPE_PROPER: MentionType
MENTION_TYPE_UNSPECIFIED: MentionType
QUOTE_KIND_DIRECT: QuoteKind
QUOTE_KIND_INDIRECT: QuoteKind
QUOTE_KIND_MIXED: QuoteKind
QUOTE_KIND_UNSPECIFIED: QuoteKind
TIME_EXPRESSION_TYPE_DATE: TimeExpressionType
TIME_EXPRESSION_TYPE_DURATION: TimeExpressionType
TIME_EXPRESSION_TYPE_SET: TimeExpressionType
TIME_EXPRESSION_TYPE_TIME: TimeExpressionType
TIME_EXPRESSION_TYPE_UNSPECIFIED: TimeExpressionType

class Analysis(_message.Message):
    __slots__ = ["categories", "entities", "key_phrases", "language", "metadata", "notices", "quotes", "sentences", "sentiment", "statistics", "summary", "text", "time_expressions", "tokens"]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    ENTITIES_FIELD_NUMBER: _ClassVar[int]
    KEY_PHRASES_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    NOTICES_FIELD_NUMBER: _ClassVar[int]
    QUOTES_FIELD_NUMBER: _ClassVar[int]
    SENTENCES_FIELD_NUMBER: _ClassVar[int]
    SENTIMENT_FIELD_NUMBER: _ClassVar[int]
    STATISTICS_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TIME_EXPRESSIONS_FIELD_NUMBER: _ClassVar[int]
    TOKENS_FIELD_NUMBER: _ClassVar[int]
    categories: _containers.RepeatedCompositeFieldContainer[Category]
    entities: _containers.RepeatedCompositeFieldContainer[Entity]
    key_phrases: _containers.RepeatedCompositeFieldContainer[KeyPhrase]
    language: Language
    metadata: Metadata
    notices: _containers.RepeatedCompositeFieldContainer[Notice]
    quotes: _containers.RepeatedCompositeFieldContainer[Quote]
    sentences: _containers.RepeatedCompositeFieldContainer[Sentence]
    sentiment: Sentiment
    statistics: Statistics
    summary: Summary
    text: str
    time_expressions: _containers.RepeatedCompositeFieldContainer[TimeExpression]
    tokens: _containers.RepeatedCompositeFieldContainer[Token]
    def __init__(self, text: _Optional[str] = ..., metadata: _Optional[_Union[Metadata, _Mapping]] = ..., language: _Optional[_Union[Language, _Mapping]] = ..., statistics: _Optional[_Union[Statistics, _Mapping]] = ..., sentences: _Optional[_Iterable[_Union[Sentence, _Mapping]]] = ..., tokens: _Optional[_Iterable[_Union[Token, _Mapping]]] = ..., entities: _Optional[_Iterable[_Union[Entity, _Mapping]]] = ..., key_phrases: _Optional[_Iterable[_Union[KeyPhrase, _Mapping]]] = ..., summary: _Optional[_Union[Summary, _Mapping]] = ..., sentiment: _Optional[_Union[Sentiment, _Mapping]] = ..., quotes: _Optional[_Iterable[_Union[Quote, _Mapping]]] = ..., time_expressions: _Optional[_Iterable[_Union[TimeExpression, _Mapping]]] = ..., categories: _Optional[_Iterable[_Union[Category, _Mapping]]] = ..., notices: _Optional[_Iterable[_Union[Notice, _Mapping]]] = ...) -> None: ...

class Category(_message.Message):
    __slots__ = ["confidence", "name"]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    confidence: float
    name: str
    def __init__(self, name: _Optional[str] = ..., confidence: _Optional[float] = ...) -> None: ...

class Entity(_message.Message):
    __slots__ = ["country_code", "location", "mentions", "name", "region_code", "roles", "salience", "sentiment", "type"]
    COUNTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    MENTIONS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    SALIENCE_FIELD_NUMBER: _ClassVar[int]
    SENTIMENT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    country_code: str
    location: LatLng
    mentions: _containers.RepeatedCompositeFieldContainer[EntityMention]
    name: str
    region_code: str
    roles: _containers.RepeatedCompositeFieldContainer[Role]
    salience: float
    sentiment: Sentiment
    type: EntityType
    def __init__(self, name: _Optional[str] = ..., type: _Optional[_Union[EntityType, str]] = ..., salience: _Optional[float] = ..., mentions: _Optional[_Iterable[_Union[EntityMention, _Mapping]]] = ..., sentiment: _Optional[_Union[Sentiment, _Mapping]] = ..., country_code: _Optional[str] = ..., location: _Optional[_Union[LatLng, _Mapping]] = ..., roles: _Optional[_Iterable[_Union[Role, _Mapping]]] = ..., region_code: _Optional[str] = ...) -> None: ...

class EntityMention(_message.Message):
    __slots__ = ["text", "type"]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    text: TextSpan
    type: MentionType
    def __init__(self, text: _Optional[_Union[TextSpan, _Mapping]] = ..., type: _Optional[_Union[MentionType, str]] = ...) -> None: ...

class KeyPhrase(_message.Message):
    __slots__ = ["mentions", "phrase", "score"]
    MENTIONS_FIELD_NUMBER: _ClassVar[int]
    PHRASE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    mentions: _containers.RepeatedCompositeFieldContainer[TextSpan]
    phrase: str
    score: float
    def __init__(self, phrase: _Optional[str] = ..., score: _Optional[float] = ..., mentions: _Optional[_Iterable[_Union[TextSpan, _Mapping]]] = ...) -> None: ...

class Language(_message.Message):
    __slots__ = ["code", "confidence"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    code: str
    confidence: float
    def __init__(self, code: _Optional[str] = ..., confidence: _Optional[float] = ...) -> None: ...

class LatLng(_message.Message):
    __slots__ = ["latitude", "longitude"]
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    latitude: float
    longitude: float
    def __init__(self, latitude: _Optional[float] = ..., longitude: _Optional[float] = ...) -> None: ...

class Metadata(_message.Message):
    __slots__ = ["authors", "canonical_url", "publish_time", "site_name", "title"]
    AUTHORS_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_URL_FIELD_NUMBER: _ClassVar[int]
    PUBLISH_TIME_FIELD_NUMBER: _ClassVar[int]
    SITE_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    authors: _containers.RepeatedScalarFieldContainer[str]
    canonical_url: str
    publish_time: _timestamp_pb2.Timestamp
    site_name: str
    title: str
    def __init__(self, title: _Optional[str] = ..., authors: _Optional[_Iterable[str]] = ..., publish_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., site_name: _Optional[str] = ..., canonical_url: _Optional[str] = ...) -> None: ...

class Notice(_message.Message):
    __slots__ = ["feature", "reason"]
    FEATURE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    feature: Feature
    reason: str
    def __init__(self, feature: _Optional[_Union[Feature, str]] = ..., reason: _Optional[str] = ...) -> None: ...

class Quote(_message.Message):
    __slots__ = ["content", "content_parts", "cue", "kind", "speaker"]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_PARTS_FIELD_NUMBER: _ClassVar[int]
    CUE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_FIELD_NUMBER: _ClassVar[int]
    content: TextSpan
    content_parts: _containers.RepeatedCompositeFieldContainer[TextSpan]
    cue: TextSpan
    kind: QuoteKind
    speaker: Speaker
    def __init__(self, content: _Optional[_Union[TextSpan, _Mapping]] = ..., cue: _Optional[_Union[TextSpan, _Mapping]] = ..., speaker: _Optional[_Union[Speaker, _Mapping]] = ..., kind: _Optional[_Union[QuoteKind, str]] = ..., content_parts: _Optional[_Iterable[_Union[TextSpan, _Mapping]]] = ...) -> None: ...

class Role(_message.Message):
    __slots__ = ["affiliation", "title"]
    AFFILIATION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    affiliation: str
    title: str
    def __init__(self, title: _Optional[str] = ..., affiliation: _Optional[str] = ...) -> None: ...

class Sentence(_message.Message):
    __slots__ = ["sentiment", "text"]
    SENTIMENT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    sentiment: Sentiment
    text: TextSpan
    def __init__(self, text: _Optional[_Union[TextSpan, _Mapping]] = ..., sentiment: _Optional[_Union[Sentiment, _Mapping]] = ...) -> None: ...

class Sentiment(_message.Message):
    __slots__ = ["magnitude", "score"]
    MAGNITUDE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    magnitude: float
    score: float
    def __init__(self, score: _Optional[float] = ..., magnitude: _Optional[float] = ...) -> None: ...

class Speaker(_message.Message):
    __slots__ = ["entity_index", "name", "text"]
    ENTITY_INDEX_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    entity_index: int
    name: str
    text: TextSpan
    def __init__(self, text: _Optional[_Union[TextSpan, _Mapping]] = ..., name: _Optional[str] = ..., entity_index: _Optional[int] = ...) -> None: ...

class Statistics(_message.Message):
    __slots__ = ["paragraphs", "readability", "reading_time_seconds", "sentences", "words"]
    PARAGRAPHS_FIELD_NUMBER: _ClassVar[int]
    READABILITY_FIELD_NUMBER: _ClassVar[int]
    READING_TIME_SECONDS_FIELD_NUMBER: _ClassVar[int]
    SENTENCES_FIELD_NUMBER: _ClassVar[int]
    WORDS_FIELD_NUMBER: _ClassVar[int]
    paragraphs: int
    readability: float
    reading_time_seconds: float
    sentences: int
    words: int
    def __init__(self, words: _Optional[int] = ..., sentences: _Optional[int] = ..., paragraphs: _Optional[int] = ..., reading_time_seconds: _Optional[float] = ..., readability: _Optional[float] = ...) -> None: ...

class Summary(_message.Message):
    __slots__ = ["sentences"]
    SENTENCES_FIELD_NUMBER: _ClassVar[int]
    sentences: _containers.RepeatedCompositeFieldContainer[TextSpan]
    def __init__(self, sentences: _Optional[_Iterable[_Union[TextSpan, _Mapping]]] = ...) -> None: ...

class TextSpan(_message.Message):
    __slots__ = ["begin_offset", "content", "length"]
    BEGIN_OFFSET_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    LENGTH_FIELD_NUMBER: _ClassVar[int]
    begin_offset: int
    content: str
    length: int
    def __init__(self, content: _Optional[str] = ..., begin_offset: _Optional[int] = ..., length: _Optional[int] = ...) -> None: ...

class TimeExpression(_message.Message):
    __slots__ = ["anchored", "text", "type", "value"]
    ANCHORED_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    anchored: bool
    text: TextSpan
    type: TimeExpressionType
    value: str
    def __init__(self, text: _Optional[_Union[TextSpan, _Mapping]] = ..., type: _Optional[_Union[TimeExpressionType, str]] = ..., value: _Optional[str] = ..., anchored: bool = ...) -> None: ...

class Token(_message.Message):
    __slots__ = ["lemma", "part_of_speech", "text"]
    LEMMA_FIELD_NUMBER: _ClassVar[int]
    PART_OF_SPEECH_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    lemma: str
    part_of_speech: str
    text: TextSpan
    def __init__(self, text: _Optional[_Union[TextSpan, _Mapping]] = ..., part_of_speech: _Optional[str] = ..., lemma: _Optional[str] = ...) -> None: ...

class EntityType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class MentionType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class QuoteKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class TimeExpressionType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Feature(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
