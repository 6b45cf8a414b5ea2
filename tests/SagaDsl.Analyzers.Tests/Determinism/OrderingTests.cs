using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>
/// SAGA102 for enumerating a collection in hash order, and SAGA103 for Dataflow blocks: both decide the
/// order of the workflow's commands by something another worker process does not share.
/// </summary>
public class OrderingTests
{
    [Fact]
    public Task Enumerating_a_hash_ordered_collection_or_its_keys_is_reported()
    {
        return VerifyAsync("""
            using System.Collections;
            using System.Collections.Concurrent;
            using System.Collections.Immutable;
            using System.Linq;

            public interface IShipping
            {
                [Activity]
                Task ShipAsync(string item);
            }

            [Workflow]
            public class Fulfilment
            {
                private readonly ConcurrentDictionary<string, int> stock = new();

                [WorkflowRun]
                public async Task RunAsync(ImmutableHashSet<string> items, Hashtable legacy)
                {
                    foreach (var item in {|SAGA102:items|})
                    {
                        await Workflow.ExecuteActivityAsync((IShipping shipping) => shipping.ShipAsync(item), new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
                    }

                    foreach (var name in {|SAGA102:stock.Keys|})
                    {
                        await Workflow.ExecuteActivityAsync((IShipping shipping) => shipping.ShipAsync(name), new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
                    }

                    var first = {|SAGA102:stock.Select(pair => pair.Key)|}.FirstOrDefault();
                    foreach (var entry in {|SAGA102:legacy|})
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Insertion_ordered_collections_sorted_copies_and_order_free_questions_are_not_reported()
    {
        return VerifyAsync("""
            using System.Collections.Concurrent;
            using System.Collections.Immutable;
            using System.Linq;

            [Workflow]
            public class Fulfilment
            {
                private readonly Dictionary<string, int> stock = new();
                private readonly ConcurrentDictionary<string, int> reserved = new();

                [WorkflowRun]
                public Task<int> RunAsync(HashSet<string> items, ImmutableHashSet<string> tags, ImmutableSortedSet<string> sorted)
                {
                    var total = 0;
                    foreach (var item in items)
                    {
                        total += item.Length;
                    }

                    foreach (var pair in stock)
                    {
                        total += pair.Value;
                    }

                    foreach (var tag in tags.OrderBy(tag => tag, StringComparer.Ordinal))
                    {
                        total += tag.Length;
                    }

                    foreach (var name in sorted)
                    {
                        total += name.Length;
                    }

                    total += reserved.Count + reserved.Values.Sum() + (tags.Contains("gift") ? 1 : 0) + (reserved.Any() ? 1 : 0);
                    return Task.FromResult(total);
                }
            }
            """);
    }

    [Fact]
    public Task A_dataflow_block_is_reported_as_work_outside_the_workflow_scheduler()
    {
        return VerifyAsync("""
            using System.Threading.Tasks.Dataflow;

            [Workflow]
            public class Pipeline
            {
                [WorkflowRun]
                public async Task RunAsync(List<int> items)
                {
                    var buffer = {|SAGA103:new BufferBlock<int>()|};
                    var square = {|SAGA103:new TransformBlock<int, int>(item => item * item)|};
                    var sink = {|SAGA103:new ActionBlock<int>(item => { })|};
                    foreach (var item in items)
                    {
                        await Workflow.DelayAsync(TimeSpan.FromSeconds(item));
                    }
                }
            }
            """);
    }
}
