using System;
using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>Hosted-worker registration exists exactly where Temporalio.Extensions.Hosting is referenced, and compiles clean.</summary>
public class HostingGenerationTests
{
    [Fact]
    public void OrderSaga_gets_hosted_workers_per_task_queue_with_scoped_activities()
    {
        var run = GeneratorRun.Run(GeneratorRun.CompileWithHosting(SampleSources.OrderSaga()));

        Snapshot.MatchPart(run, nameof(HostingGenerationTests), "OrderSagaHosting");
    }

    [Fact]
    public void The_hosting_package_adds_the_registration_and_changes_nothing_else()
    {
        var hosted = GeneratorRun.Run(GeneratorRun.CompileWithHosting(SampleSources.OrderSaga()));
        var plain = GeneratorRun.Run(SampleSources.OrderSaga());

        Assert.Equal(plain.Sources.Single().Text, GeneratedPart.Without(hosted.Sources.Single().Text, "OrderSagaHosting"));
    }

    [Fact]
    public async Task The_registration_compiles_without_a_warning_and_obeys_the_determinism_rules()
    {
        var run = GeneratorRun.Run(GeneratorRun.CompileWithHosting(SampleSources.OrderSaga()));

        Assert.Empty(run.Problems.Select(problem => problem.ToString()));
        Assert.Empty((await run.DeterminismProblemsAsync()).Select(problem => problem.ToString()));
        Assert.Contains("public static class OrderSagaHosting", run.Sources.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_hosting_package_nothing_is_generated_for_it()
    {
        var run = GeneratorRun.Run(SampleSources.OrderSaga());

        Assert.DoesNotContain("OrderSagaHosting", run.Sources.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_static_saga_registers_no_saga_instance()
    {
        const string source = """
            using System.Threading.Tasks;
            using SagaDsl;

            namespace Jobs;

            [Saga(TaskQueue = "jobs")]
            public static partial class NightlySaga
            {
                [SagaStep(1, TaskQueue = "io")] public static Task<string> Export() => Task.FromResult("file");
                [SagaStep(2)] public static Task Publish(string file) => Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Run(GeneratorRun.CompileWithHosting(source));
        var file = run.Sources.Single().Text;
        var hosting = file.Substring(file.IndexOf("static class NightlySagaHosting", StringComparison.Ordinal));

        Assert.Empty(run.Problems.Select(problem => problem.ToString()));
        Assert.DoesNotContain("TryAddScoped<global::Jobs.NightlySaga>", hosting, StringComparison.Ordinal);
        Assert.Contains("case \"io\":", hosting, StringComparison.Ordinal);
    }
}
