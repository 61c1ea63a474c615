using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Roadmap.Core.Storage.Neo4j;

/// <summary>
/// The two resilience pipelines every Query API call runs in, registered by name with Polly's dependency injection
/// and configured from <see cref="Neo4jOptions"/>:
/// <list type="bullet">
/// <item><c>neo4j-query</c>: total timeout → retry (exponential backoff with jitter; only transient failures of work
/// marked idempotent) → circuit breaker → per-attempt timeout.</item>
/// <item><c>neo4j-transaction</c>: the same without the per-attempt timeout (a multi-statement write is one attempt end
/// to end) and with the longer <see cref="Neo4jOptions.TransactionTimeout"/> as its total.</item>
/// </list>
/// Each breaker reports its state through a <see cref="CircuitBreakerStateProvider"/> registered under the pipeline's name.
/// </summary>
public static class Neo4jResilience
{
    public const string QueryPipeline = "neo4j-query";
    public const string TransactionPipeline = "neo4j-transaction";

    /// <summary>The ratio of handled failures in <see cref="SamplingDuration"/> that opens a breaker.</summary>
    public const double FailureRatio = 0.5;

    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>Set on a call's context when repeating the call is safe: reads, and MERGE-based writes.</summary>
    public static readonly ResiliencePropertyKey<bool> Idempotent = new("roadmap.idempotent");

    /// <summary>
    /// Registers both pipelines and their breakers' state. The pipelines take the container's
    /// <see cref="TimeProvider"/> when one is registered (Polly's builder does), the system clock otherwise.
    /// </summary>
    public static IServiceCollection AddNeo4jResilience(this IServiceCollection services)
    {
        services.AddKeyedSingleton<CircuitBreakerStateProvider>(QueryPipeline);
        services.AddKeyedSingleton<CircuitBreakerStateProvider>(TransactionPipeline);
        services.AddResiliencePipeline(QueryPipeline, (builder, context) => builder.AddNeo4jQueryStrategies(
            context.GetOptions<Neo4jOptions>(), context.ServiceProvider.GetRequiredKeyedService<CircuitBreakerStateProvider>(QueryPipeline)));
        services.AddResiliencePipeline(TransactionPipeline, (builder, context) => builder.AddNeo4jTransactionStrategies(
            context.GetOptions<Neo4jOptions>(), context.ServiceProvider.GetRequiredKeyedService<CircuitBreakerStateProvider>(TransactionPipeline)));
        return services;
    }

    /// <summary>Total timeout → retry → circuit breaker → per-attempt timeout.</summary>
    public static ResiliencePipelineBuilder AddNeo4jQueryStrategies(this ResiliencePipelineBuilder builder, Neo4jOptions options, CircuitBreakerStateProvider? breaker = null) =>
        builder.AddNeo4jStrategies(options, options.TotalTimeout, breaker).AddTimeout(options.AttemptTimeout);

    /// <summary>Total timeout → retry → circuit breaker: one attempt runs the whole transaction.</summary>
    public static ResiliencePipelineBuilder AddNeo4jTransactionStrategies(this ResiliencePipelineBuilder builder, Neo4jOptions options, CircuitBreakerStateProvider? breaker = null) =>
        builder.AddNeo4jStrategies(options, options.TransactionTimeout, breaker);

    private static ResiliencePipelineBuilder AddNeo4jStrategies(this ResiliencePipelineBuilder builder, Neo4jOptions options, TimeSpan totalTimeout, CircuitBreakerStateProvider? breaker)
    {
        var maxRetries = options.MaxRetries;
        return builder
            .AddTimeout(totalTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                // Polly wants at least one attempt; with MaxRetries = 0 the predicate declines every retry.
                MaxRetryAttempts = Math.Max(1, maxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    maxRetries > 0 && args.Context.Properties.GetValue(Idempotent, false) && IsTransient(args.Outcome.Exception)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = FailureRatio,
                MinimumThroughput = Math.Max(2, options.BreakerMinimumThroughput),
                SamplingDuration = SamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = breaker,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
            });
    }

    /// <summary>Worth retrying and counted by the breaker: a transient Neo4j error, or an attempt that timed out.</summary>
    internal static bool IsTransient(Exception? exception) => exception is Neo4jTransientException or TimeoutRejectedException;
}
