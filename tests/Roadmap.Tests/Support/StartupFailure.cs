using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Roadmap.Tests.Support;

/// <summary>What stops a host at start: the options validation error, wherever the hosting layers wrapped it.</summary>
internal static class StartupFailure
{
    /// <summary>
    /// Starts a fresh factory from <paramref name="create"/> and returns the validation error that stopped it. A host
    /// that fails at start races WebApplicationFactory's deferred host: the entry point may dispose the failed host
    /// before the factory asks it for its lifetime, and the factory then reports ObjectDisposedException instead of the
    /// cause. That attempt says nothing either way, so it is made again with a new factory.
    /// </summary>
    public static OptionsValidationException Of<T>(Func<WebApplicationFactory<T>> create) where T : class
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            using var factory = create();
            var thrown = Should.Throw<Exception>(() => factory.CreateClient());
            for (Exception? e = thrown; e is not null; e = e.InnerException)
            {
                if (e is OptionsValidationException validation) return validation;
                if (e is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner) return inner;
            }
            if (thrown is ObjectDisposedException && attempt < attempts) continue;
            throw new ShouldAssertException($"the host stopped with {thrown.GetType().Name}, not an options validation error: {thrown}");
        }
    }
}
