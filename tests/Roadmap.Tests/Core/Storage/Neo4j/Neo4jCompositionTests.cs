using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Core.Storage.Neo4j;

/// <summary>
/// How the container composes the Neo4j store from configuration: the named resilience pipelines (their strategies,
/// in order, with the configured options) and the Query API's HttpClient. Polly's own behaviour is not retested here.
/// </summary>
public sealed class Neo4jCompositionTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Store:Provider"] = "Neo4j",
        ["Neo4j:Url"] = "http://neo4j.test:7474",
        ["Neo4j:TotalTimeout"] = "00:00:07",
        ["Neo4j:AttemptTimeout"] = "00:00:02",
        ["Neo4j:MaxRetries"] = "4",
        ["Neo4j:RetryDelay"] = "00:00:00.150",
        ["Neo4j:BreakDuration"] = "00:00:20",
        ["Neo4j:BreakerMinimumThroughput"] = "6",
        ["Neo4j:TransactionTimeout"] = "00:03:00",
        ["Neo4j:PooledConnectionLifetime"] = "00:01:30",
    };

    private static ServiceProvider Services(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddGraphStore(configuration).BuildServiceProvider();
    }

    private static ResiliencePipelineDescriptor Descriptor(ServiceProvider services, string name) =>
        services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(name).GetPipelineDescriptor();

    /// <summary>The options of the pipeline's one strategy of this kind, wherever it stands.</summary>
    private static T Options<T>(ResiliencePipelineDescriptor descriptor) => descriptor.Strategies.Select(s => s.Options).OfType<T>().Single();

    private static Type?[] Order(ResiliencePipelineDescriptor descriptor) => descriptor.Strategies.Select(s => s.Options?.GetType()).ToArray();

    [Fact]
    public void The_query_pipeline_is_total_timeout_retry_breaker_attempt_timeout_as_configured()
    {
        using var services = Services(Settings);

        var descriptor = Descriptor(services, Neo4jResilience.QueryPipeline);

        Order(descriptor).ShouldBe([typeof(TimeoutStrategyOptions), typeof(RetryStrategyOptions), typeof(CircuitBreakerStrategyOptions), typeof(TimeoutStrategyOptions)]);
        descriptor.IsReloadable.ShouldBeFalse();
        ((TimeoutStrategyOptions)descriptor.Strategies[0].Options!).Timeout.ShouldBe(TimeSpan.FromSeconds(7));
        ShouldBeTheConfiguredRetry((RetryStrategyOptions)descriptor.Strategies[1].Options!);
        var breaker = (CircuitBreakerStrategyOptions)descriptor.Strategies[2].Options!;
        ShouldBeTheConfiguredBreaker(breaker);
        breaker.StateProvider.ShouldBeSameAs(services.GetRequiredKeyedService<CircuitBreakerStateProvider>(Neo4jResilience.QueryPipeline));
        ((TimeoutStrategyOptions)descriptor.Strategies[3].Options!).Timeout.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void The_transaction_pipeline_has_the_longer_total_and_no_attempt_timeout()
    {
        using var services = Services(Settings);

        var descriptor = Descriptor(services, Neo4jResilience.TransactionPipeline);

        Order(descriptor).ShouldBe([typeof(TimeoutStrategyOptions), typeof(RetryStrategyOptions), typeof(CircuitBreakerStrategyOptions)]);
        ((TimeoutStrategyOptions)descriptor.Strategies[0].Options!).Timeout.ShouldBe(TimeSpan.FromMinutes(3));
        ShouldBeTheConfiguredRetry((RetryStrategyOptions)descriptor.Strategies[1].Options!);
        var breaker = (CircuitBreakerStrategyOptions)descriptor.Strategies[2].Options!;
        ShouldBeTheConfiguredBreaker(breaker);
        // A breaker of its own: a failing import does not stop the reads.
        breaker.StateProvider.ShouldBeSameAs(services.GetRequiredKeyedService<CircuitBreakerStateProvider>(Neo4jResilience.TransactionPipeline));
        breaker.StateProvider.ShouldNotBeSameAs(services.GetRequiredKeyedService<CircuitBreakerStateProvider>(Neo4jResilience.QueryPipeline));
    }

    [Fact]
    public void The_client_reports_the_query_breakers_state()
    {
        using var services = Services(Settings);

        services.GetRequiredService<IGraphStore>().ShouldBeOfType<Neo4jGraphStore>();
        services.GetRequiredService<Neo4jQueryClient>().CircuitState.ShouldBe(CircuitState.Closed);
    }

    [Theory]
    [InlineData(true, "Neo.TransientError.General.DatabaseUnavailable", true)]
    [InlineData(false, "Neo.TransientError.General.DatabaseUnavailable", false)]
    [InlineData(true, "Neo.ClientError.Statement.SyntaxError", false)]
    [InlineData(true, "Neo.ClientError.Transaction.Terminated", false)]
    [InlineData(true, "Neo.DatabaseError.General.UnknownError", false)]
    [InlineData(true, "Neo.ClientError.Security.AuthenticationRateLimit", false)]
    public async Task Retries_are_for_transient_failures_of_idempotent_work(bool idempotent, string code, bool retried)
    {
        using var services = Services(Settings);
        var retry = Options<RetryStrategyOptions>(Descriptor(services, Neo4jResilience.QueryPipeline));

        (await ShouldRetry(retry, idempotent, Neo4jErrorClassifier.FromStatusCode(code, "failed"))).ShouldBe(retried);
        (await ShouldRetry(retry, idempotent, new TimeoutRejectedException())).ShouldBe(idempotent);
    }

    [Fact]
    public async Task No_retries_configured_means_none_even_for_a_read()
    {
        using var services = Services(new Dictionary<string, string?>(Settings) { ["Neo4j:MaxRetries"] = "0" });
        var retry = Options<RetryStrategyOptions>(Descriptor(services, Neo4jResilience.QueryPipeline));

        (await ShouldRetry(retry, idempotent: true, new Neo4jTransientException("HTTP 503", "down"))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_breaker_counts_transient_failures_only()
    {
        using var services = Services(Settings);
        var breaker = Options<CircuitBreakerStrategyOptions>(Descriptor(services, Neo4jResilience.QueryPipeline));
        var context = ResilienceContextPool.Shared.Get();

        (await breaker.ShouldHandle(new(context, Outcome.FromException<object>(new Neo4jTransientException("HTTP 503", "down"))))).ShouldBeTrue();
        (await breaker.ShouldHandle(new(context, Outcome.FromException<object>(new TimeoutRejectedException())))).ShouldBeTrue();
        (await breaker.ShouldHandle(new(context, Outcome.FromException<object>(new Neo4jClientException("Neo.ClientError.Statement.SyntaxError", "bad"))))).ShouldBeFalse();
        (await breaker.ShouldHandle(new(context, Outcome.FromException<object>(new Neo4jConfigurationException("refused"))))).ShouldBeFalse();
        ResilienceContextPool.Shared.Return(context);
    }

    [Fact]
    public void The_query_api_client_recycles_its_pooled_connections_and_keeps_its_handler()
    {
        using var services = Services(Settings);

        HttpMessageHandler? handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(Neo4jQueryClient));
        while (handler is DelegatingHandler delegating) handler = delegating.InnerHandler;

        handler.ShouldBeOfType<SocketsHttpHandler>().PooledConnectionLifetime.ShouldBe(TimeSpan.FromSeconds(90));
        services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(nameof(Neo4jQueryClient)).HandlerLifetime.ShouldBe(Timeout.InfiniteTimeSpan);
        new Neo4jOptions().PooledConnectionLifetime.ShouldBe(TimeSpan.FromMinutes(2));
    }

    private static void ShouldBeTheConfiguredRetry(RetryStrategyOptions retry)
    {
        retry.MaxRetryAttempts.ShouldBe(4);
        retry.BackoffType.ShouldBe(DelayBackoffType.Exponential);
        retry.UseJitter.ShouldBeTrue();
        retry.Delay.ShouldBe(TimeSpan.FromMilliseconds(150));
    }

    private static void ShouldBeTheConfiguredBreaker(CircuitBreakerStrategyOptions breaker)
    {
        breaker.FailureRatio.ShouldBe(0.5);
        breaker.MinimumThroughput.ShouldBe(6);
        breaker.SamplingDuration.ShouldBe(TimeSpan.FromSeconds(30));
        breaker.BreakDuration.ShouldBe(TimeSpan.FromSeconds(20));
    }

    private static async Task<bool> ShouldRetry(RetryStrategyOptions retry, bool idempotent, Exception failure)
    {
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(Neo4jResilience.Idempotent, idempotent);
        try
        {
            return await retry.ShouldHandle(new RetryPredicateArguments<object>(context, Outcome.FromException<object>(failure), 0));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
