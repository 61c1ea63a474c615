using System.Reflection;

namespace Roadmap.Core.Errors;

/// <summary>Where an error code comes from, which says who can act on it.</summary>
public enum ErrorOrigin
{
    /// <summary>The HTTP request itself: method, media type, body, rate.</summary>
    Http,

    /// <summary>GraphQL.NET's parser, validator or executer.</summary>
    GraphQL,

    /// <summary>An argument a resolver refuses.</summary>
    Argument,

    /// <summary>The API key and its role.</summary>
    Access,

    /// <summary>A mutation the graph refuses.</summary>
    Edit,

    /// <summary>A rule of the graph that both the seeds' validation and every edit check.</summary>
    GraphRule,

    /// <summary>A rule of the seed files only (<c>roadmap validate</c>).</summary>
    Seeds,

    /// <summary>The service or its store cannot answer.</summary>
    Service,
}

/// <summary>One machine-readable code, as clients see it in <c>extensions.code</c> (or <c>roadmap validate</c> prints it).</summary>
/// <param name="Code">The code itself, such as <c>NOT_FOUND</c>.</param>
/// <param name="Origin">Where it comes from, which says who can act on it.</param>
/// <param name="Meaning">What it means, as the docs' error table gives it.</param>
/// <param name="HttpStatus">The status a response carrying only this error gets; null when it follows GraphQL over HTTP (200, or 400 for a request that cannot execute).</param>
public sealed record ErrorCode(string Code, ErrorOrigin Origin, string Meaning, int? HttpStatus = null)
{
    public override string ToString() => Code;
}

/// <summary>
/// Every error code the service and its command line can give, each defined once with what it means. The
/// docs' error table is generated from this list and a test keeps the two equal; codes GraphQL.NET gives of
/// its own accord are listed too, so that a client author finds every code here.
/// </summary>
public static class ErrorCodes
{
    // The HTTP request.
    public static readonly ErrorCode MethodNotAllowed = new("METHOD_NOT_ALLOWED", ErrorOrigin.Http, "Only GET (queries) and POST are served.", 405);
    public static readonly ErrorCode NotAcceptable = new("NOT_ACCEPTABLE", ErrorOrigin.Http, "The Accept header allows neither application/graphql-response+json nor application/json.", 406);
    public static readonly ErrorCode UnsupportedMediaType = new("UNSUPPORTED_MEDIA_TYPE", ErrorOrigin.Http, "A POST body that is not application/json.", 415);
    public static readonly ErrorCode InvalidJson = new("INVALID_JSON", ErrorOrigin.Http, "The POST body is not valid JSON or not UTF-8, or a GET parameter is not UTF-8 (a GET variables or extensions parameter that is not a JSON object is BAD_REQUEST).", 400);
    public static readonly ErrorCode BadRequest = new("BAD_REQUEST", ErrorOrigin.Http, "Valid JSON that is not a GraphQL request: no query string, or a field of the wrong type.", 400);
    public static readonly ErrorCode OriginNotAllowed = new("ORIGIN_NOT_ALLOWED", ErrorOrigin.Http, "A request from a page on another origin that Cors:AllowedOrigins does not name, or that names it only through '*' and sends a key: keys are accepted from the service's own pages and the origins listed, never through '*'.", 403);
    public static readonly ErrorCode RequestTooLarge = new("REQUEST_TOO_LARGE", ErrorOrigin.Http, "The body exceeds GraphQL:MaxRequestBytes.", 413);
    public static readonly ErrorCode MutationOverGet = new("MUTATION_OVER_GET", ErrorOrigin.Http, "A mutation sent with GET; send it with POST.", 405);
    public static readonly ErrorCode SubscriptionOverHttp = new("SUBSCRIPTION_OVER_HTTP", ErrorOrigin.Http, "A subscription sent as a plain GraphQL-over-HTTP request, which answers once; subscribe on /graphql with Accept: text/event-stream (SSE) or a WebSocket upgrade (graphql-transport-ws), or on their aliases /graphql/stream and /graphql/ws.");
    public static readonly ErrorCode RateLimited = new("RATE_LIMITED", ErrorOrigin.Http, "Too many requests from one address or one key this minute; retry after the Retry-After seconds.", 429);
    public static readonly ErrorCode TooManySubscriptions = new("TOO_MANY_SUBSCRIPTIONS", ErrorOrigin.Http, "One address holds Subscriptions:MaxPerAddress (100) open subscriptions already; end one first.", 429);
    public static readonly ErrorCode SlowConsumer = new("SLOW_CONSUMER", ErrorOrigin.Http, "A subscriber that fell Subscriptions:MaxQueuedEvents changes behind was dropped rather than buffered without limit; resubscribe with afterRevision to resume.");

    // The document's bounds, checked before validation (GraphQL.NET's validation costs quadratic time in some shapes).
    public static readonly ErrorCode DocumentTooLarge = new("DOCUMENT_TOO_LARGE", ErrorOrigin.Http,
        "The document writes more aliases (GraphQL:MaxAliases), fragment spreads (GraphQL:MaxFragmentSpreads) or argument lists under one response name (GraphQL:MaxArgumentSetsPerResponseName) than allowed, or selects more fields (GraphQL:MaxFields, fragments counted at each spread), or nests deeper than the parser allows; refused before validation.");
    public static readonly ErrorCode ValidationTimeout = new("VALIDATION_TIMEOUT", ErrorOrigin.GraphQL,
        "Parsing and validating a new document took longer than GraphQL:ValidationTimeout (1 s); execution did not start. Send a smaller document.");
    public static readonly ErrorCode TooManyErrors = new("TOO_MANY_ERRORS", ErrorOrigin.GraphQL, "The last error of a response that had more than GraphQL:MaxErrors; it says how many were left out.");
    public static readonly ErrorCode ResponseTooLarge = new("RESPONSE_TOO_LARGE", ErrorOrigin.Http, "The response would exceed GraphQL:MaxResponseBytes; it is replaced by this error. Ask for less (fewer aliases, smaller pages or exports).");

    // GraphQL.NET's own codes (raised by the library, not by this service's code; listed so that clients find them here).
    public static readonly ErrorCode SyntaxError = new("SYNTAX_ERROR", ErrorOrigin.GraphQL, "The document does not parse.");
    public static readonly ErrorCode Complexity = new("COMPLEXITY", ErrorOrigin.GraphQL, "The document nests deeper than GraphQL:MaxSelectionDepth or costs more than GraphQL:MaxComplexity (__schema and __type cost GraphQL:IntrospectionComplexity each, export GraphQL:ExportComplexity), or a where filter nests more than 5 levels or holds more than 50 conditions.");
    public static readonly ErrorCode NoIntrospection = new("NO_INTROSPECTION", ErrorOrigin.GraphQL, "Introspection is switched off (GraphQL:EnableIntrospection=false).");
    public static readonly ErrorCode Timeout = new("TIMEOUT", ErrorOrigin.GraphQL, "Execution ran past GraphQL:ExecutionTimeout.");
    public static readonly ErrorCode InvalidValue = new("INVALID_VALUE", ErrorOrigin.GraphQL, "A variable's value does not fit its type.");
    public static readonly ErrorCode NoOperation = new("NO_OPERATION", ErrorOrigin.GraphQL, "The document holds no operation to run.");
    public static readonly ErrorCode NoOperationName = new("NO_OPERATION_NAME", ErrorOrigin.GraphQL, "The document holds several operations and operationName names none.");
    public static readonly ErrorCode InvalidOperationName = new("INVALID_OPERATION_NAME", ErrorOrigin.GraphQL, "operationName names no operation of the document.");

    // GraphQL.NET's validation rules, each coded by its rule's name (the GraphQL spec's validation section).
    public static readonly ErrorCode ArgumentsOfCorrectType = new("ARGUMENTS_OF_CORRECT_TYPE", ErrorOrigin.GraphQL, "An argument written in the document does not fit its type (a string for an Int, null for a non-null argument).");
    public static readonly ErrorCode DefaultValuesOfCorrectType = new("DEFAULT_VALUES_OF_CORRECT_TYPE", ErrorOrigin.GraphQL, "A variable's default value does not fit its type.");
    public static readonly ErrorCode DirectivesInAllowedLocations = new("DIRECTIVES_IN_ALLOWED_LOCATIONS", ErrorOrigin.GraphQL, "A directive where it may not stand.");
    public static readonly ErrorCode FieldsOnCorrectType = new("FIELDS_ON_CORRECT_TYPE", ErrorOrigin.GraphQL, "A field the type does not have; the message suggests the nearest names.");
    public static readonly ErrorCode FragmentsOnCompositeTypes = new("FRAGMENTS_ON_COMPOSITE_TYPES", ErrorOrigin.GraphQL, "A fragment on a scalar or enum.");
    public static readonly ErrorCode KnownArgumentNames = new("KNOWN_ARGUMENT_NAMES", ErrorOrigin.GraphQL, "An argument the field does not take.");
    public static readonly ErrorCode KnownDirectives = new("KNOWN_DIRECTIVES", ErrorOrigin.GraphQL, "A directive the schema does not define.");
    public static readonly ErrorCode KnownFragmentNames = new("KNOWN_FRAGMENT_NAMES", ErrorOrigin.GraphQL, "A spread of a fragment the document does not define.");
    public static readonly ErrorCode KnownTypeNames = new("KNOWN_TYPE_NAMES", ErrorOrigin.GraphQL, "A type the schema does not have.");
    public static readonly ErrorCode LoneAnonymousOperation = new("LONE_ANONYMOUS_OPERATION", ErrorOrigin.GraphQL, "An anonymous operation beside others.");
    public static readonly ErrorCode NoFragmentCycles = new("NO_FRAGMENT_CYCLES", ErrorOrigin.GraphQL, "Fragments that spread each other in a cycle.");
    public static readonly ErrorCode NoUndefinedVariables = new("NO_UNDEFINED_VARIABLES", ErrorOrigin.GraphQL, "A variable used but not declared.");
    public static readonly ErrorCode NoUnusedFragments = new("NO_UNUSED_FRAGMENTS", ErrorOrigin.GraphQL, "A fragment defined but not used.");
    public static readonly ErrorCode NoUnusedVariables = new("NO_UNUSED_VARIABLES", ErrorOrigin.GraphQL, "A variable declared but not used.");
    public static readonly ErrorCode OverlappingFieldsCanBeMerged = new("OVERLAPPING_FIELDS_CAN_BE_MERGED", ErrorOrigin.GraphQL, "Two selections of one response name that cannot be merged.");
    public static readonly ErrorCode PossibleFragmentSpreads = new("POSSIBLE_FRAGMENT_SPREADS", ErrorOrigin.GraphQL, "A fragment spread where its type can never apply.");
    public static readonly ErrorCode ProvidedNonNullArguments = new("PROVIDED_NON_NULL_ARGUMENTS", ErrorOrigin.GraphQL, "A required argument left out.");
    public static readonly ErrorCode ScalarLeafs = new("SCALAR_LEAFS", ErrorOrigin.GraphQL, "An object field without a selection, or a scalar field with one.");
    public static readonly ErrorCode UniqueArgumentNames = new("UNIQUE_ARGUMENT_NAMES", ErrorOrigin.GraphQL, "An argument given twice.");
    public static readonly ErrorCode UniqueFragmentNames = new("UNIQUE_FRAGMENT_NAMES", ErrorOrigin.GraphQL, "Two fragments of one name.");
    public static readonly ErrorCode UniqueInputFieldNames = new("UNIQUE_INPUT_FIELD_NAMES", ErrorOrigin.GraphQL, "An input field given twice.");
    public static readonly ErrorCode UniqueOperationNames = new("UNIQUE_OPERATION_NAMES", ErrorOrigin.GraphQL, "Two operations of one name.");
    public static readonly ErrorCode UniqueVariableNames = new("UNIQUE_VARIABLE_NAMES", ErrorOrigin.GraphQL, "A variable declared twice.");
    public static readonly ErrorCode VariablesAreInputTypes = new("VARIABLES_ARE_INPUT_TYPES", ErrorOrigin.GraphQL, "A variable of an output type.");
    public static readonly ErrorCode VariablesInAllowedPosition = new("VARIABLES_IN_ALLOWED_POSITION", ErrorOrigin.GraphQL, "A variable used where its type does not fit.");

    // Arguments.
    public static readonly ErrorCode ArgumentOutOfRange = new("ARGUMENT_OUT_OF_RANGE", ErrorOrigin.Argument, "A number argument outside its bounds (depths, page sizes, id lists, years); the message says the bounds.");
    public static readonly ErrorCode InvalidArgument = new("INVALID_ARGUMENT", ErrorOrigin.Argument, "An argument of the right type that cannot be used: empty search text, a year range that runs backwards.");
    public static readonly ErrorCode InvalidCursor = new("INVALID_CURSOR", ErrorOrigin.Argument, "A cursor this service did not issue.");
    public static readonly ErrorCode ExportFormatUnsupported = new("EXPORT_FORMAT_UNSUPPORTED", ErrorOrigin.Argument,
        "An export format the result has no drawing in: MERMAID_GANTT and SVG draw a roadmap's time axis, and only a roadmap has one.");

    // Access.
    public static readonly ErrorCode Unauthenticated = new("UNAUTHENTICATED", ErrorOrigin.Access,
        "No API key where one is needed (a mutation, auditLog, or every request under Auth:ReadAccess=Key), or a key that matches no configured hash (then HTTP 401).");
    public static readonly ErrorCode Forbidden = new("FORBIDDEN", ErrorOrigin.Access, "The key's role does not allow this (deleteNode needs admin).");

    // Edits.
    public static readonly ErrorCode Conflict = new("CONFLICT", ErrorOrigin.Edit, "expectedVersion is not the current version, or a create names something that exists: extensions.currentVersion says the version to read it again at and retry with.");
    public static readonly ErrorCode NotFound = new("NOT_FOUND", ErrorOrigin.Edit, "The node or edge to change does not exist.");
    public static readonly ErrorCode HasEdges = new("HAS_EDGES", ErrorOrigin.Edit, "deleteNode on a node with edges, without cascade: true.");
    public static readonly ErrorCode DocumentsReadOnly = new("DOCUMENTS_READ_ONLY", ErrorOrigin.Edit, "A document is added whole with addDocument (or roadmap plan add); it cannot be created through upsertNode, changed, assessed or deleted.");
    public static readonly ErrorCode UnreadablePlan = new("UNREADABLE_PLAN", ErrorOrigin.Edit, "The plan's file is not the format it was given as (a damaged DOCX or PDF, a text file not in UTF-8); nothing is stored.");
    public static readonly ErrorCode NoPlanText = new("NO_PLAN_TEXT", ErrorOrigin.Edit, "The plan's file yields no text: an empty file, or a scanned PDF without a text layer; nothing is stored.");
    public static readonly ErrorCode NoChineseText = new("NO_CHINESE_TEXT", ErrorOrigin.Edit, "No line of the plan's text is Chinese; the plans are quoted in the language they are written in. Nothing is stored.");
    public static readonly ErrorCode PlanTooLarge = new("PLAN_TOO_LARGE", ErrorOrigin.Edit, "The plan's file or text is over Plans:MaxFileBytes (or its text over Plans:MaxTextCharacters); nothing is stored.");
    public static readonly ErrorCode DuplicatePlan = new("DUPLICATE_PLAN", ErrorOrigin.Edit, "A plan with the same text (after the quote fold) is in the graph already, under the id the message names; nothing is stored.");
    public static readonly ErrorCode ReadOnlyStore = new("READ_ONLY_STORE", ErrorOrigin.Edit, "The configured store takes no edits and keeps no audit log (Neo4j, or a graph without a database file).");

    // The graph's rules: roadmap validate reports them on the seeds, and an edit that breaks one is refused with the same code.
    public static readonly ErrorCode BadId = new("BAD_ID", ErrorOrigin.GraphRule, "An id that is not the kind's prefix and a lowercase slug.");
    public static readonly ErrorCode BadValue = new("BAD_VALUE", ErrorOrigin.GraphRule, "A value out of its bounds: a name or quote too long, a period that runs backwards, a list too long.");
    public static readonly ErrorCode MissingField = new("MISSING_FIELD", ErrorOrigin.GraphRule, "A field the node's kind requires (componentType, field, programType) is missing.");
    public static readonly ErrorCode MissingSource = new("MISSING_SOURCE", ErrorOrigin.GraphRule, "A node or edge without a source: every fact cites the clause that states it.");
    public static readonly ErrorCode DuplicateName = new("DUPLICATE_NAME", ErrorOrigin.GraphRule, "Two nodes of one kind with the same nameZh: one node per real thing.");
    public static readonly ErrorCode DuplicateSource = new("DUPLICATE_SOURCE", ErrorOrigin.GraphRule, "The node or edge already cites that clause (or has that assessment from it).");
    public static readonly ErrorCode DanglingEdge = new("DANGLING_EDGE", ErrorOrigin.GraphRule, "An edge to or from a node that does not exist.");
    public static readonly ErrorCode SelfLoop = new("SELF_LOOP", ErrorOrigin.GraphRule, "An edge from a node to itself.");
    public static readonly ErrorCode BadEdgeKinds = new("BAD_EDGE_KINDS", ErrorOrigin.GraphRule, "An edge type that cannot join these two kinds of node (see the seeds' README).");
    public static readonly ErrorCode BadGroup = new("BAD_GROUP", ErrorOrigin.GraphRule, "An alternative group on an edge other than REQUIRES or USES_TECHNOLOGY.");
    public static readonly ErrorCode BadReach = new("BAD_REACH", ErrorOrigin.GraphRule, "A reach (CLASS) on an edge other than REQUIRES or USES_TECHNOLOGY: only a need can be stated for a class as a whole.");
    public static readonly ErrorCode ReachWithoutMembers = new("REACH_WITHOUT_MEMBERS", ErrorOrigin.GraphRule, "A need stated for a class as a whole (reach CLASS) on a node that has no members: nothing is a VARIANT_OF it.");
    public static readonly ErrorCode UnknownDocument = new("UNKNOWN_DOCUMENT", ErrorOrigin.GraphRule, "A source that cites something other than a document, or a document without its text.");
    public static readonly ErrorCode QuoteNotFound = new("QUOTE_NOT_FOUND", ErrorOrigin.GraphRule, "A quote that does not occur in the cited plan's text (whitespace and full-width forms folded).");

    // The seed files only.
    public static readonly ErrorCode MissingDirectory = new("MISSING_DIRECTORY", ErrorOrigin.Seeds, "The seeds directory has no graph/ folder.");
    public static readonly ErrorCode YamlSyntax = new("YAML_SYNTAX", ErrorOrigin.Seeds, "A file is not valid YAML.");
    public static readonly ErrorCode BadStructure = new("BAD_STRUCTURE", ErrorOrigin.Seeds, "A section, list or entry of the wrong shape.");
    public static readonly ErrorCode UnknownKey = new("UNKNOWN_KEY", ErrorOrigin.Seeds, "A section or key the format does not have.");
    public static readonly ErrorCode UnknownEnum = new("UNKNOWN_ENUM", ErrorOrigin.Seeds, "A value that is not one of its enum's names.");
    public static readonly ErrorCode DuplicateId = new("DUPLICATE_ID", ErrorOrigin.Seeds, "An id declared twice.");
    public static readonly ErrorCode UnknownNode = new("UNKNOWN_NODE", ErrorOrigin.Seeds, "An extension of a node that no file declares.");
    public static readonly ErrorCode DuplicateEdge = new("DUPLICATE_EDGE", ErrorOrigin.Seeds, "The same edge declared twice; merge the sources.");
    public static readonly ErrorCode GroupOfOne = new("GROUP_OF_ONE", ErrorOrigin.Seeds, "An alternative group with one edge: a hard requirement written wrongly.");
    public static readonly ErrorCode NoDependency = new("NO_DEPENDENCY", ErrorOrigin.Seeds, "A product that needs nothing, without a note saying why.");
    public static readonly ErrorCode NoDependent = new("NO_DEPENDENT", ErrorOrigin.Seeds, "A component or technology nothing needs, without a note saying why.");
    public static readonly ErrorCode Orphan = new("ORPHAN", ErrorOrigin.Seeds, "A technology or component that only programs target, linked to no technology, component or product, without a note saying why (a product is linked once it needs something).");
    public static readonly ErrorCode TwoJudgements = new("TWO_JUDGEMENTS", ErrorOrigin.Seeds, "Two different statuses for one node from one plan, without a note that names both and says which is in force.");
    public static readonly ErrorCode CoversNothing = new("COVERS_NOTHING", ErrorOrigin.Seeds, "A program that targets or includes nothing, without a note saying why.");
    public static readonly ErrorCode MissingDocumentFile = new("MISSING_DOCUMENT_FILE", ErrorOrigin.Seeds, "A document whose text file is not under documents/.");

    // The service.
    public static readonly ErrorCode GraphNotReady = new("GRAPH_NOT_READY", ErrorOrigin.Service, "The graph is still loading; retry after the Retry-After seconds.", 503);
    public static readonly ErrorCode StoreUnavailable = new("STORE_UNAVAILABLE", ErrorOrigin.Service, "The store cannot be reached or keeps failing (Neo4j down, or its circuit breaker open); retry later.", 503);
    public static readonly ErrorCode StoreWriteFailed = new("STORE_WRITE_FAILED", ErrorOrigin.Service,
        "The edit was not saved: the database file could not be written (disk full, Store:Embedded:MaxDatabaseBytes reached, a read-only file, an I/O error, a corrupted page). Nothing changed; reads go on; the server's log names the cause under the request id in the message.", 503);
    public static readonly ErrorCode Internal = new("INTERNAL", ErrorOrigin.Service, "A fault of the service; the message holds a request id to quote, and the server's log has the details under it.");

    /// <summary>Every code, in the order declared above.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorCode))
        .Select(f => (ErrorCode)f.GetValue(null)!)
        .ToList();

    /// <summary>The catalogued code with this name, or null.</summary>
    public static ErrorCode? Find(string code) => All.FirstOrDefault(c => c.Code == code);
}

/// <summary>
/// A refusal with a catalogued code, thrown by the graph's rules, the edit planner and the stores, and reported
/// to the client with its code and message (GraphQL resolvers) or printed (the command line).
/// </summary>
public sealed class RoadmapException(ErrorCode code, string message, IReadOnlyDictionary<string, object?>? details = null) : Exception(message)
{
    public ErrorCode Code { get; } = code;

    /// <summary>What a client can act on besides the code, such as a CONFLICT's <c>currentVersion</c>; reported in the error's extensions.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}
