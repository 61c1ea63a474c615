using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Roadmap.Tests.Support;

/// <summary>What stops a host at start: the options validation error, wherever the hosting layers wrapped it.</summary>
internal static class StartupFailure
{
    public static OptionsValidationException Of<T>(WebApplicationFactory<T> factory) where T : class
    {
        var thrown = Should.Throw<Exception>(() => factory.CreateClient());
        for (Exception? e = thrown; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException validation) return validation;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner) return inner;
        }
        throw new ShouldAssertException($"the host stopped with {thrown.GetType().Name}, not an options validation error: {thrown}");
    }
}
