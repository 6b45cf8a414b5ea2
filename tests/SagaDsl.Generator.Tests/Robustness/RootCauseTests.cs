using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests.Robustness;

/// <summary>
/// The error a user reads is the one to fix. A missing type in a declaration stops the compiler
/// before any analyzer runs, so code that names a saga's generated types must compile while the saga
/// has errors; and an error of the user's own (a missing using) must not be repeated in generated code.
/// </summary>
public class RootCauseTests
{
    private const string Shop = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using SagaDsl;
        using Temporalio.Client;
        using Temporalio.Worker;

        namespace Shop;

        public sealed record Order(string Id);

        """;

    // Names every generated type in declarations, the way an application and its tests do.
    private const string Service = """
        public sealed class CheckoutService(ITemporalClient client)
        {
            public Task<CheckoutSagaResult> CheckoutAsync(Order order) => client.ExecuteCheckoutSagaAsync(order, order.Id);

            public Task<Temporalio.Client.WorkflowHandle<CheckoutSagaWorkflow, CheckoutSagaResult>> StartAsync(Order order) => client.StartCheckoutSagaAsync(order, order.Id);

            public IReadOnlyList<TemporalWorkerOptions> Workers(CheckoutSaga saga) => CheckoutSagaWorker.CreateOptions(saga);

            public string Reserved(CheckoutSagaResult result) => result.Reserve + CheckoutSagaWorkflow.TaskQueue;
        }
        """;

    [Theory]
    [InlineData("SAGA001", "[Saga] public class {|SAGA001:CheckoutSaga|} { [SagaStep(1)] public Task<string> Reserve(Order order) => Task.FromResult(\"h\"); }")]
    [InlineData("SAGA005", "[Saga] public partial class CheckoutSaga { [SagaStep(1), {|SAGA005:CompensatedBy(\"Relase\")|}] public Task<string> Reserve(Order order) => Task.FromResult(\"h\"); public void Release(Order order) { } }")]
    [InlineData("SAGA010", "[Saga] public partial class CheckoutSaga { [SagaStep(1)] public Task<string> Reserve(Order order) => Task.FromResult(\"h\"); [SagaStep(2)] public async void {|SAGA010:Pay|}(Order order) => await Task.Yield(); }")]
    [InlineData("SAGA023", "[Saga] public partial class CheckoutSaga { [SagaStep(1)] public Task<string> Reserve(Order order) => Task.FromResult(\"h\"); [SagaStep(2)] public string {|SAGA023:Reserve|}(Order order, StepContext context) => \"h\"; }")]
    public async Task Code_that_names_the_generated_types_compiles_while_the_saga_has_errors_so_the_build_shows_them(string rule, [StringSyntax("C#")] string saga)
    {
        var (source, expected) = DiagnosticMarkup.Parse(Shop + saga + "\n" + Service);

        var run = GeneratorRun.Run(source);

        Assert.DoesNotContain(run.Output.GetDiagnostics(), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        var reported = await run.DeclarationProblemsAsync();
        Assert.Equal(expected.Select(mark => (mark.Id, mark.Span)), reported.Select(diagnostic => (diagnostic.Id, diagnostic.Location.SourceSpan)));
        Assert.All(reported, diagnostic => Assert.Equal(rule, diagnostic.Id));
    }

    [Fact]
    public async Task A_worker_service_that_hosts_a_saga_in_error_compiles_and_shows_the_sagas_error()
    {
        var (source, expected) = DiagnosticMarkup.Parse(Shop + """
            [Saga] public class {|SAGA001:CheckoutSaga|} { [SagaStep(1)] public Task<string> Reserve(Order order) => Task.FromResult("h"); }

            public static class Startup
            {
                public static Microsoft.Extensions.DependencyInjection.IServiceCollection Workers(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
                    services.AddCheckoutSagaWorkers();
            }
            """);

        var run = GeneratorRun.Run(GeneratorRun.CompileWithHosting(source));

        Assert.DoesNotContain(run.Output.GetDiagnostics(), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.Equal(expected.Select(mark => mark.Id), (await run.DeclarationProblemsAsync()).Select(diagnostic => diagnostic.Id));
        Assert.Contains("static class CheckoutSagaHosting", run.Sources.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stand_ins_of_a_saga_in_error_are_approved()
    {
        var run = GeneratorRun.Run(GeneratorRun.CompileWithHosting(Shop + """
            public sealed record Hold(string Id);

            [Saga(TaskQueue = "checkout")] public class CheckoutSaga
            {
                [SagaStep(1)] public Task<Hold> Reserve(Order order) => Task.FromResult(new Hold("h"));
                [SagaStep(2, Critical = false)] public int Notify(Order order) => 1;
            }
            """));

        Snapshot.Match(run, nameof(RootCauseTests));
    }

    [Fact]
    public void A_type_the_saga_cannot_resolve_is_the_users_error_alone_and_generated_code_adds_none()
    {
        var saga = """
            [Saga] public partial class CheckoutSaga
            {
                [SagaStep(1)] public Task<string> Reserve(Order order) => Task.FromResult("h");
                [SagaStep(2)] public Task<Invoice> Bill(Order order, string hold) => null!;
            }
            """;
        var withoutGenerator = GeneratorRun.Compile(Shop + saga + "\n" + Service).GetDiagnostics().Where(IsError).Select(d => d.Id).ToList();

        var run = GeneratorRun.Run(Shop + saga + "\n" + Service);

        var errors = run.Output.GetDiagnostics().Where(IsError).ToList();
        Assert.DoesNotContain(errors, GeneratorRun.IsInGeneratedCode);
        Assert.Equal(new[] { "CS0246" }, errors.Select(error => error.Id));
        Assert.Contains("CS0246", withoutGenerator);
        Assert.Contains("these types only stand in for the", Assert.Single(run.Sources).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public System.Threading.Tasks.Task<> Bill(Order order) => null!;")]
    [InlineData("public Bill(Order order) { }")]
    [InlineData("public void Bill(Order order, Hold")]
    [InlineData("public void Bill(Order order, Hold hold) { } } namespace namespace Other { }")]
    public void A_saga_that_does_not_parse_or_whose_step_reads_as_a_constructor_gets_nothing_that_adds_errors(string member)
    {
        var run = GeneratorRun.Run(Shop + "public sealed record Hold(string Id);\n[Saga] public partial class CheckoutSaga { [SagaStep(1)] public Hold Reserve(Order order) => new(\"h\"); [SagaStep(2)] " + member + " }");

        Assert.DoesNotContain(run.Output.GetDiagnostics(), GeneratorRun.IsInGeneratedCode);
        Assert.True(run.Input.GetDiagnostics().Any(IsError), "the input was meant to have an error of its own");
    }

    [Fact]
    public void A_public_saga_with_internal_records_gets_internal_generated_types_that_compile_clean()
    {
        var run = GeneratorRun.Run("""
            using System.Threading.Tasks;
            using SagaDsl;

            namespace Shop;

            internal sealed record Order(string Id);
            internal sealed record Hold(string Id);

            [Saga] public partial class CheckoutSaga
            {
                [SagaStep(1), CompensatedBy(nameof(Release))] internal Task<Hold> Reserve(Order order) => Task.FromResult(new Hold("h"));
                [SagaStep(2)] internal void Pay(Order order, Hold hold) { }
                internal void Release(StepContext context) { }
            }
            """);

        Assert.Empty(run.Problems);
        Assert.Contains("internal sealed class CheckoutSagaWorkflow", run.Sources.Single().Text, StringComparison.Ordinal);
    }

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;
}
