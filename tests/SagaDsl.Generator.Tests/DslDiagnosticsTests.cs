using System;
using System.Globalization;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>
/// Every DSL misuse is one precise error on the offending token, and the saga it concerns gets only
/// stand-ins of its public types, which compile (so no cascade of compiler errors follows).
/// </summary>
public class DslDiagnosticsTests
{
    private const string Usings = "using System.Threading; using System.Threading.Tasks; using SagaDsl; namespace Shop; public sealed record Order(string Id); public sealed record Hold(string Id); public sealed record Receipt(string Id);\n";

    [Fact]
    public Task SAGA001_saga_class_that_is_not_partial()
    {
        return AssertReports("""
            [Saga] public class {|SAGA001:OrderSaga|}
            {
                [SagaStep(1)] public Task<Hold> Reserve(Order order) => Task.FromResult(new Hold("h"));
            }
            """);
    }

    [Fact]
    public Task SAGA002_nested_saga_class()
    {
        return AssertReports("""
            public partial class Outer
            {
                [Saga] public partial class {|SAGA002:OrderSaga|}
                {
                    [SagaStep(1)] public void Reserve(Order order) { }
                }
            }
            """);
    }

    [Fact]
    public Task SAGA002_generic_saga_class()
    {
        return AssertReports("""
            [Saga] public partial class {|SAGA002:OrderSaga|}<T>
            {
                [SagaStep(1)] public void Reserve(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA003_saga_without_steps()
    {
        return AssertReports("""
            [Saga] public partial class {|SAGA003:OrderSaga|}
            {
                public void Reserve(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA004_duplicate_and_non_positive_step_orders()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(Order order) { }
                [SagaStep(1)] public void {|SAGA004:Pay|}(Order order) { }
                [SagaStep(0)] public void {|SAGA004:Ship|}(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA005_compensation_that_does_not_exist()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1), {|SAGA005:CompensatedBy("Release")|}] public Hold Reserve(Order order) => new("h");
            }
            """);
    }

    [Fact]
    public Task SAGA006_overloaded_compensation()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1), {|SAGA006:CompensatedBy(nameof(Release))|}] public Hold Reserve(Order order) => new("h");
                public void Release(Hold hold) { }
                public void Release(Hold hold, StepContext context) { }
            }
            """);
    }

    [Fact]
    public Task SAGA007_parameter_no_earlier_result_or_input_can_fill()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public Hold Reserve(Order order) => new("h");
                [SagaStep(2)] public void Ship(Hold hold, Receipt {|SAGA007:receipt|}) { }
            }
            """);
    }

    [Fact]
    public Task SAGA007_compensation_asks_for_a_result_its_step_does_not_return()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1), CompensatedBy(nameof(Release))] public Task Reserve(Order order) => Task.CompletedTask;
                public void Release(Hold {|SAGA007:hold|}) { }
            }
            """);
    }

    [Fact]
    public Task SAGA008_parameter_two_earlier_results_could_fill()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public Hold Reserve(Order order) => new("h");
                [SagaStep(2)] public Hold ReserveMore(Order order) => new("h2");
                [SagaStep(3)] public void Ship(Hold {|SAGA008:hold|}) { }
            }
            """);
    }

    [Fact]
    public Task SAGA009_parameter_passed_by_reference()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(ref Order {|SAGA009:order|}) { }
            }
            """);
    }

    [Fact]
    public Task SAGA009_optional_and_params_parameters_are_not_a_second_saga_input()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public Hold Reserve(Order order, bool {|SAGA009:express|} = false) => new("h");
                [SagaStep(2)] public void Pay(Hold hold, params string[] {|SAGA009:notes|}) { }
                [SagaStep(3)] public void Ship(Order order, StepContext? context = null, CancellationToken cancellationToken = default) { }
            }
            """);
    }

    [Fact]
    public Task SAGA010_generic_step_method()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void {|SAGA010:Reserve|}<T>(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA010_async_void_step_and_compensation_but_not_their_async_Task_and_plain_void_look_alikes()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] [CompensatedBy(nameof(Release))] public async void {|SAGA010:Reserve|}(Order order) => await Task.Yield();
                [SagaStep(2)] public async Task Pay(Order order) => await Task.Yield();
                [SagaStep(3)] public void Ship(Order order) { }
                public async void {|SAGA010:Release|}(Order order) => await Task.Yield();
            }
            """);
    }

    [Fact]
    public Task SAGA026_a_step_in_a_class_without_Saga_or_in_the_base_class_of_a_saga()
    {
        return AssertReports("""
            public class Forgotten
            {
                [{|SAGA026:SagaStep(1)|}] public void Reserve(Order order) { }
            }

            public abstract class CheckoutBase
            {
                [{|SAGA026:SagaStep(1)|}] public void Reserve(Order order) { }
                public void Helper(Order order) { }
            }

            [Saga] public partial class CheckoutSaga : CheckoutBase
            {
                [SagaStep(2)] public void Pay(Order order) => Helper(order);
            }
            """, expectStandIns: false);
    }

    [Fact]
    public async Task SAGA027_a_step_that_heartbeats_without_a_heartbeat_timeout_is_warned_and_still_generated()
    {
        var (source, expected) = DiagnosticMarkup.Parse(Usings + """
            [Saga(StartToCloseTimeout = "00:30:00")] public partial class CopySaga
            {
                [SagaStep(1)] public void Copy(Order order, StepContext context) { for (var i = 0; i < 3; i++) { {|SAGA027:context.Heartbeat(i)|}; } }
                [SagaStep(2, HeartbeatTimeout = "00:00:10")] public void Verify(Order order, StepContext context) => context.Heartbeat();
                [SagaStep(3)] public void Clean(Order order, StepContext context) => context.Heartbeat.ToString();
                [SagaStep(4), CompensatedBy(nameof(Unpack))] public void Pack(Order order) { }
                public void Unpack(Order order, StepContext undo) => {|SAGA027:undo.Heartbeat("x")|};
            }
            """);

        var run = GeneratorRun.Run(source);

        var reported = await run.DeclarationProblemsAsync();
        Assert.Equal(expected.Select(mark => (mark.Id, mark.Span)), reported.Select(diagnostic => (diagnostic.Id, diagnostic.Location.SourceSpan)));
        Assert.Contains("the attempt's timeout (00:30:00)", reported[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("[global::Temporalio.Workflows.Workflow(WorkflowType)]", run.Sources.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public Task SAGA011_second_pivot()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1, Pivot = true)] public void Pay(Order order) { }
                [SagaStep(2, Pivot = true)] public void {|SAGA011:Ship|}(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA012_compensation_after_the_pivot_or_on_it()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1, Pivot = true), {|SAGA012:CompensatedBy(nameof(Refund))|}] public Receipt Pay(Order order) => new("r");
                [SagaStep(2), {|SAGA012:CompensatedBy(nameof(Unship))|}] public Hold Ship(Order order) => new("h");
                public void Refund(Receipt receipt) { }
                public void Unship(Hold hold) { }
            }
            """);
    }

    [Fact]
    public Task SAGA013_invalid_activity_option_values()
    {
        return AssertReports("""
            [Saga({|SAGA013:StartToCloseTimeout = "soon"|}, {|SAGA013:TaskQueue = " "|}, {|SAGA013:Deadline = "in two hours"|})]
            [{|SAGA013:SagaTaskQueue("")|}, SagaTaskQueue("payments", {|SAGA013:MaxConcurrentActivities = -2|})]
            public partial class OrderSaga
            {
                [SagaStep(1, {|SAGA013:BackoffCoefficient = 0.5|}, {|SAGA013:MaximumAttempts = -1|})] public void Reserve(Order order) { }
                [SagaStep(2, InitialInterval = "00:01:00", {|SAGA013:MaximumInterval = "00:00:10"|})] public void Pay(Order order) { }
                [SagaStep(3, {|SAGA013:HeartbeatTimeout = "-00:00:05"|}, {|SAGA013:NonRetryableErrorTypes = new[] { "Declined", "" }|})] public void Ship(Order order) { }
                [SagaStep(4, {|SAGA013:NonRetryableErrorTypes = new[] { "Card Declined" }|}, TaskQueue = "payments")] public void Bill(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA013_timeouts_the_server_would_cut_and_an_exception_named_with_its_namespace()
    {
        return AssertReports("""
            public sealed class CardDeclinedException : System.Exception { }

            [Saga(ScheduleToCloseTimeout = "00:05:00", HeartbeatTimeout = "00:00:30")]
            public partial class OrderSaga
            {
                [SagaStep(1, {|SAGA013:StartToCloseTimeout = "00:10:00"|})] public void Reserve(Order order) { }
                [SagaStep(2, StartToCloseTimeout = "00:01:00", {|SAGA013:HeartbeatTimeout = "00:02:00"|})] public void Pay(Order order) { }
                [SagaStep(3, {|SAGA013:StartToCloseTimeout = "00:00:10"|})] public void Ship(Order order) { }
                [SagaStep(4, {|SAGA013:NonRetryableErrorTypes = new[] { "Shop.CardDeclinedException" }|})] public void Bill(Order order) { }
                [SagaStep(5, {|SAGA013:NonRetryableErrorTypes = new[] { "System.InvalidOperationException" }|})] public void Close(Order order) { }
            }
            """);
    }

    [Fact]
    public Task Timeouts_within_their_bounds_and_error_types_named_as_Temporal_names_them_are_valid()
    {
        return AssertValid("""
            public sealed class CardDeclinedException : System.Exception { }

            [Saga(ScheduleToCloseTimeout = "00:05:00", HeartbeatTimeout = "00:00:30")]
            public partial class OrderSaga
            {
                [SagaStep(1, StartToCloseTimeout = "00:05:00")] public void Reserve(Order order) { }
                [SagaStep(2, StartToCloseTimeout = "00:01:00", HeartbeatTimeout = "00:01:00")] public void Pay(Order order) { }
                [SagaStep(3, NonRetryableErrorTypes = new[] { "CardDeclinedException", "Payments.Declined" })] public void Bill(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA013_a_task_queue_limit_declared_twice_or_for_a_queue_no_activity_runs_on()
    {
        return AssertReports("""
            [Saga, SagaTaskQueue("payments", MaxConcurrentActivities = 5), {|SAGA013:SagaTaskQueue("payments", MaxTaskQueueActivitiesPerSecond = 50)|}]
            [{|SAGA013:SagaTaskQueue("paymnets", MaxTaskQueueActivitiesPerSecond = 50)|}]
            public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(Order order) { }
                [SagaStep(2, TaskQueue = "payments")] public void Pay(Order order) { }
            }
            """);
    }

    [Fact]
    public Task Task_queue_limits_for_the_saga_queue_a_step_queue_and_a_compensation_queue_are_valid()
    {
        return AssertValid("""
            [Saga(TaskQueue = "orders"), SagaTaskQueue("orders", MaxConcurrentActivities = 5), SagaTaskQueue("payments", MaxConcurrentActivities = 2), SagaTaskQueue("refunds", MaxTaskQueueActivitiesPerSecond = 1)]
            public partial class OrderSaga
            {
                [SagaStep(1, TaskQueue = "payments"), CompensatedBy(nameof(Refund), TaskQueue = "refunds")] public void Pay(Order order) { }
                [SagaStep(2)] public void Ship(Order order) { }
                public void Refund(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA014_non_critical_step_with_a_compensation_or_as_pivot()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1, Critical = false), {|SAGA014:CompensatedBy(nameof(Release))|}] public Hold Reserve(Order order) => new("h");
                [SagaStep(2, Critical = false, Pivot = true)] public void {|SAGA014:Pay|}(Order order) { }
                public void Release(Hold hold) { }
            }
            """);
    }

    [Fact]
    public Task SAGA015_from_step_naming_a_later_or_resultless_or_non_critical_step()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve([{|SAGA015:FromStep(nameof(Pay))|}] Receipt receipt, Order order) { }
                [SagaStep(2)] public Receipt Pay(Order order) => new("r");
                [SagaStep(3, Critical = false)] public Hold Score(Order order) => new("s");
                [SagaStep(4)] public void Ship([{|SAGA015:FromStep(nameof(Reserve))|}] Hold a, [{|SAGA015:FromStep(nameof(Score))|}] Hold b, [{|SAGA015:FromStep("Nope")|}] Hold c) { }
            }
            """);
    }

    [Fact]
    public Task SAGA016_search_attribute_that_cannot_be_indexed_or_is_declared_twice()
    {
        return AssertReports("""
            public sealed record Request(
                [property: {|SAGA016:SearchAttribute|}] Order Order,
                [property: SearchAttribute("Key")] string First,
                [property: {|SAGA016:SearchAttribute("Key")|}] string Second,
                [property: {|SAGA016:SearchAttribute("")|}] string Third,
                [property: {|SAGA016:SearchAttribute|}] string All);

            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(Request request) { }
            }
            """);
    }

    [Fact]
    public Task SAGA016_search_attribute_with_a_name_Temporal_keeps_or_on_a_step_result()
    {
        return AssertReports("""
            public sealed record Request(
                [property: {|SAGA016:SearchAttribute|}] string WorkflowId,
                [property: {|SAGA016:SearchAttribute("TemporalChangeVersion")|}] string Version,
                [property: SearchAttribute("CustomerWorkflowId")] string Customer,
                [property: {|SAGA016:SearchAttribute("StartedFrom")|}] string ForStart,
                [property: {|SAGA016:SearchAttribute("Region")|}] string Phase);
            public sealed record Charge([property: {|SAGA016:SearchAttribute|}] string ChargeId);

            [Saga({|SAGA013:PhaseSearchAttribute = "ExecutionStatus"|})] public partial class OrderSaga
            {
                [SagaStep(1)] public Charge Pay(Request request) => new("c");
            }
            """);
    }

    [Fact]
    public Task SAGA017_two_input_types_in_the_first_step_or_two_declared_inputs()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public Hold Reserve(Order order, Receipt {|SAGA017:receipt|}) => new("h");
                [SagaStep(2)] public void Ship(Hold hold, [SagaInput] Hold {|SAGA017:other|}) { }
            }
            """);
    }

    [Fact]
    public async Task SAGA022_a_compensation_that_takes_its_own_steps_result_is_a_warning_and_the_saga_still_generates()
    {
        var (source, expected) = DiagnosticMarkup.Parse(Usings + """
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1), CompensatedBy(nameof(Release))] public Hold Reserve(Order order) => new("h");
                public void Release(Hold {|SAGA022:hold|}) { }

                [SagaStep(2), CompensatedBy(nameof(Refund))] public Receipt Pay(Order order, Hold hold) => new("r");
                public void Refund([FromStep(nameof(Pay))] Receipt {|SAGA022:charge|}, Hold hold, StepContext context) { }

                [SagaStep(3), CompensatedBy(nameof(Unship))] public Task<Receipt> Ship(Order order) => Task.FromResult(new Receipt("s"));
                public void Unship(Order order, Hold hold, StepContext context) { }
            }
            """);

        var run = GeneratorRun.Run(source);

        var reported = (await run.DeclarationProblemsAsync()).Select(diagnostic => (diagnostic.Id, diagnostic.Location.SourceSpan)).OrderBy(diagnostic => diagnostic.SourceSpan.Start).ToList();
        Assert.Equal(expected.OrderBy(diagnostic => diagnostic.Span.Start).ToList(), reported);
        Assert.All(await run.DeclarationProblemsAsync(), diagnostic => Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity));
        Assert.Contains("Compensation 'Release' takes the result of step 'Reserve' (parameter 'hold')", (await run.DeclarationProblemsAsync())[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems));
        Assert.Single(run.Sources);
    }

    [Fact]
    public Task SAGA019_compensation_that_is_itself_a_step()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1), {|SAGA019:CompensatedBy(nameof(Release))|}] public Hold Reserve(Order order) => new("h");
                [SagaStep(2)] public void Release(Hold hold) { }
            }
            """);
    }

    [Fact]
    public Task SAGA024_compensated_by_on_a_method_that_is_not_a_step()
    {
        return AssertReports("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void Start(Order order) { }
                [{|SAGA024:CompensatedBy(nameof(Release))|}] public Hold Reserve(Order order) => new("h");
                public void Release(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA020_a_type_with_a_generated_name_beside_the_saga()
    {
        return AssertReports("""
            public class OrderSagaWorkflow { }

            [Saga] public partial class {|SAGA020:OrderSaga|}
            {
                [SagaStep(1)] public void Reserve(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA020_the_hosting_name_is_reserved_even_without_the_hosting_package()
    {
        return AssertReports("""
            public static class OrderSagaHosting { }

            [Saga] public partial class {|SAGA020:OrderSaga|}
            {
                [SagaStep(1)] public void Reserve(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA020_a_member_named_like_the_nested_activities_class()
    {
        return AssertReports("""
            [Saga] public partial class {|SAGA020:OrderSaga|}
            {
                public int Activities { get; set; }

                [SagaStep(1)] public void Reserve(Order order) { }
            }
            """);
    }

    [Fact]
    public void SAGA018_two_sagas_with_one_workflow_type_are_reported_by_the_generator()
    {
        var run = GeneratorRun.Run(Usings + """
            [Saga(Name = "orders")] public partial class OrderSaga { [SagaStep(1)] public void Reserve(Order order) { } }
            [Saga(Name = "orders")] public partial class LegacyOrderSaga { [SagaStep(1)] public void Reserve(Order order) { } }
            [Saga] public partial class Unique { [SagaStep(1)] public void Reserve(Order order) { } }
            """);

        var clash = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SAGA018", clash.Id);
        Assert.Contains("'Shop.OrderSaga' has workflow type 'orders', like saga 'Shop.LegacyOrderSaga'", clash.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void SAGA021_an_older_language_version_gets_one_error_per_saga_and_no_code()
    {
        const string sagas = Usings + """
            [Saga] public partial class OrderSaga { [SagaStep(1)] public void Reserve(Order order) { } }
            [Saga] public partial class RefundSaga { [SagaStep(1)] public void Refund(Order order) { } }
            """;

        var old = GeneratorRun.RunWithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8, sagas);
        var nine = GeneratorRun.RunWithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9, sagas);

        Assert.Empty(old.Sources);
        Assert.Equal(new[] { "SAGA021", "SAGA021" }, old.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Contains("but this project compiles C# 8.0", old.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(nine.GeneratorDiagnostics);
        Assert.Equal(2, nine.Sources.Count);
    }

    [Fact]
    public async Task Near_misses_of_every_rule_are_a_valid_saga_that_generates_and_compiles()
    {
        var run = GeneratorRun.Run(Usings + """
            public class OrderSagaWorkflowHelpers { }

            [Saga(Name = "orders", StartToCloseTimeout = "00:00:00.250", BackoffCoefficient = 1, NonRetryableErrorTypes = new[] { "Card.Declined" })]
            [SagaTaskQueue("payments")]
            public partial class OrderSaga
            {
                public int ActivitiesLogged { get; set; }

                // Orders with gaps; two parameters of the input type; an overload that is no step.
                [SagaStep(10), CompensatedBy(nameof(Release))] public Hold Reserve(Order order, Order again) => new("h");
                public Hold Reserve(string orderId) => new(orderId);
                public void Release(Order order, StepContext context) { }

                // Same result type as Reserve, chosen explicitly; the refund takes the earlier step's
                // result by name, not its own step's, so it still undoes a charge by key.
                [SagaStep(20, TaskQueue = "payments"), CompensatedBy(nameof(Refund))] public Hold Charge(Order order, CancellationToken refundToken) => new("c");
                public void Refund([FromStep(nameof(Reserve))] Hold hold, StepContext context) { }

                [SagaStep(30, Pivot = true)] public Task Commit([FromStep(nameof(Reserve))] Hold hold) => Task.CompletedTask;

                [SagaStep(40, Critical = false)] public Task<string[]> Notify(Order order) => Task.FromResult(new[] { "sent" });
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty((await run.DeclarationProblemsAsync()).Select(diagnostic => diagnostic.ToString()));
        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems));
        Assert.Single(run.Sources);
    }

    [Fact]
    public async Task Valid_saga_still_generates_beside_an_invalid_one()
    {
        var run = GeneratorRun.Run(Usings + """
            [Saga] public partial class Broken { }
            [Saga] public partial class Fine { [SagaStep(1)] public void Reserve(Order order) { } }
            """);

        Assert.Equal(new[] { "SAGA003" }, (await run.DeclarationProblemsAsync()).Select(diagnostic => diagnostic.Id));
        Assert.Equal(new[] { "Shop.Broken.g.cs", "Shop.Fine.g.cs" }, run.Sources.Select(source => source.HintName));
        Assert.Contains("these types only stand in for the", run.Sources[0].Text, StringComparison.Ordinal);
        Assert.Contains("[global::Temporalio.Workflows.Workflow(WorkflowType)]", run.Sources[1].Text, StringComparison.Ordinal);
        Assert.Empty(run.Problems);
    }

    [Fact]
    public async Task Messages_name_the_member_and_the_candidates()
    {
        var run = GeneratorRun.Run(Usings + """
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public Hold Reserve(Order order) => new("h");
                [SagaStep(2)] public Hold ReserveMore(Order order) => new("h2");
                [SagaStep(3)] public void Ship(Hold hold) { }
            }
            """);

        var message = Assert.Single(await run.DeclarationProblemsAsync()).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Parameter 'hold' of 'Ship' could bind to 'Reserve', 'ReserveMore'; choose one with [FromStep(nameof(...))] or [SagaInput]", message);
    }

    [Theory]
    [InlineData("[SagaStep(1), CompensatedBy(\"ReleaseHlod\")] public void Reserve(Order order) { } public void ReleaseHold(Order order) { }", "which is not a method of 'OrderSaga'; did you mean 'ReleaseHold'?")]
    [InlineData("[SagaStep(1), CompensatedBy(\"Refund\")] public void Reserve(Order order) { } public void ReleaseHold(Order order) { }", "which is not a method of 'OrderSaga'")]
    [InlineData("[SagaStep(1, Critical = false)] public Hold Reserve(Order order) => new(\"h\"); [SagaStep(2)] public void Pay(Hold hold) { }", "(the saga input is Shop.Order; 'Reserve' returns Shop.Hold but is not critical, so its result may be missing)")]
    [InlineData("[SagaStep(1)] public void Check(Order order) { } [SagaStep(2)] public void Pay(Hold hold) { } [SagaStep(3)] public Hold Reserve(Order order) => new(\"h\");", "(the saga input is Shop.Order; 'Reserve' returns Shop.Hold but does not run before it)")]
    [InlineData("[SagaStep(1)] public Receipt Reserve(Order order) => new(\"r\"); [SagaStep(2)] public void Pay(Hold hold) { }", "(the saga input is Shop.Order; 'Reserve' returns Shop.Receipt)")]
    public async Task Messages_name_the_method_meant_and_what_the_steps_return(string members, string expected)
    {
        var run = GeneratorRun.Run(Usings + "[Saga] public partial class OrderSaga { " + members + " }");

        var message = Assert.Single(await run.DeclarationProblemsAsync()).GetMessage(CultureInfo.InvariantCulture);

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(expected.Contains("did you mean", StringComparison.Ordinal), message.Contains("did you mean", StringComparison.Ordinal));
    }

    /// <summary>The look-alike of a rule: no diagnostic, and generated code that compiles clean.</summary>
    private static async Task AssertValid([StringSyntax("C#")] string source)
    {
        var run = GeneratorRun.Run(Usings + source);

        Assert.Empty(await run.DeclarationProblemsAsync());
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.Problems);
    }

    private static async Task AssertReports([StringSyntax("C#")] string marked, bool expectStandIns = true)
    {
        var (source, expected) = DiagnosticMarkup.Parse(Usings + marked);

        var run = GeneratorRun.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        var reported = (await run.DeclarationProblemsAsync())
            .Select(diagnostic => (diagnostic.Id, diagnostic.Location.SourceSpan))
            .OrderBy(diagnostic => diagnostic.SourceSpan.Start)
            .ToList();
        Assert.Equal(expected.OrderBy(diagnostic => diagnostic.Span.Start).ToList(), reported);
        if (expectStandIns)
        {
            AssertOnlyStandIns(run);
        }
        else
        {
            Assert.Empty(run.Problems);
        }
    }

    /// <summary>A saga in error gets stand-ins of its public types, which add no error or warning of their own.</summary>
    private static void AssertOnlyStandIns(GeneratorRun run)
    {
        Assert.All(run.Sources, source => Assert.Contains("these types only stand in for the", source.Text, StringComparison.Ordinal));
        Assert.Empty(run.ProblemsInGeneratedCode);
    }
}
