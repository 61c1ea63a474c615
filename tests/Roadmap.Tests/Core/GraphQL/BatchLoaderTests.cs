using Roadmap.Core.GraphQL.Loading;

namespace Roadmap.Tests.Core.GraphQL;

public class BatchLoaderTests
{
    [Fact]
    public async Task Keys_requested_before_the_first_await_are_fetched_in_one_call()
    {
        var calls = new List<string[]>();
        var loader = new BatchLoader<string, string>((keys, _) =>
        {
            calls.Add([.. keys]);
            return Task.FromResult<IReadOnlyDictionary<string, string>>(keys.Where(k => k != "missing").ToDictionary(k => k, k => k.ToUpperInvariant()));
        });

        string[] requested = ["a", "b", "a", "missing"];
        var results = requested.Select(k => loader.Load(k)).ToList();
        var values = await Task.WhenAll(results.Select(r => r.GetResultAsync()));

        values.ShouldBe(["A", "B", "A", null]);
        calls.ShouldHaveSingleItem().Order().ShouldBe(["a", "b", "missing"]);
    }

    [Fact]
    public async Task A_key_loaded_once_is_not_fetched_again_and_a_new_key_makes_a_new_batch()
    {
        var fetches = 0;
        var loader = new BatchLoader<string, string>((keys, _) =>
        {
            fetches++;
            return Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k));
        });

        await loader.Load("a").GetResultAsync();
        await loader.Load("a").GetResultAsync();
        await loader.Load("b").GetResultAsync();

        fetches.ShouldBe(2);
        loader.FetchCount.ShouldBe(2);
    }
}
