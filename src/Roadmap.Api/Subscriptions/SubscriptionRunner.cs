using System.Security.Claims;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Execution;

namespace Roadmap.Api.Subscriptions;

/// <summary>
/// Runs one request for a streaming transport: a query or mutation gives one result, a subscription a bounded queue
/// of results that the transport drains. A subscriber that lets the queue fill is dropped (SLOW_CONSUMER) rather
/// than buffered without limit.
/// </summary>
public sealed class SubscriptionRunner(IDocumentExecuter<ISchema> executer, IOptions<SubscriptionOptions> options)
{
    public async Task<RunningRequest> StartAsync(GraphQLRequest request, ClaimsPrincipal user, IServiceProvider services, string traceId, CancellationToken cancellationToken)
    {
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = user,
            UserContext = new RequestContext(traceId, readOnlyTransport: false),
            CancellationToken = cancellationToken,
        });
        if (result.Streams is not { Count: > 0 } streams) return new RunningRequest(result, null);
        var queue = new ResultQueue(options.Value.MaxQueuedEvents);
        queue.Attach(streams.Values.First().Subscribe(queue));
        return new RunningRequest(result, queue);
    }
}

/// <summary>A started request: its first result, and for a subscription the queue its events arrive in.</summary>
public sealed record RunningRequest(ExecutionResult Result, ResultQueue? Events);

/// <summary>The bounded queue between a subscription's stream and the connection that writes it out.</summary>
public sealed class ResultQueue(int capacity) : IObserver<ExecutionResult>, IDisposable
{
    private readonly Channel<ExecutionResult> _channel = Channel.CreateBounded<ExecutionResult>(new BoundedChannelOptions(capacity) { SingleReader = true });
    private IDisposable? _subscription;

    public ChannelReader<ExecutionResult> Reader => _channel.Reader;

    /// <summary>True once the subscriber was dropped for falling behind.</summary>
    public bool Dropped { get; private set; }

    internal void Attach(IDisposable subscription) => _subscription = subscription;

    public void OnNext(ExecutionResult value)
    {
        if (_channel.Writer.TryWrite(value)) return;
        Dropped = true;
        _channel.Writer.TryComplete();
        _subscription?.Dispose();
    }

    public void OnError(Exception error) => _channel.Writer.TryComplete();

    public void OnCompleted() => _channel.Writer.TryComplete();

    /// <summary>What a dropped subscriber is told last.</summary>
    public static ExecutionResult SlowConsumerResult() => new()
    {
        Errors = [new ExecutionError("This subscriber fell too far behind and was dropped; resubscribe with afterRevision to resume.") { Code = ErrorCodes.SlowConsumer.Code }],
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        _channel.Writer.TryComplete();
    }
}
