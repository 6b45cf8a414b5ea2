using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA013: Activity option is invalid. Reported while the saga is typed, on the marked span.</summary>
public class SAGA013Tests
{
    [Fact]
    public Task Invalid_activity_option_values()
    {
        return VerifyAsync("""
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
    public Task Timeouts_the_server_would_cut_and_an_exception_named_with_its_namespace()
    {
        return VerifyAsync("""
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
        return VerifyAsync("""
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
    public Task A_task_queue_limit_declared_twice_or_for_a_queue_no_activity_runs_on()
    {
        return VerifyAsync("""
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
        return VerifyAsync("""
            [Saga(TaskQueue = "orders"), SagaTaskQueue("orders", MaxConcurrentActivities = 5), SagaTaskQueue("payments", MaxConcurrentActivities = 2), SagaTaskQueue("refunds", MaxTaskQueueActivitiesPerSecond = 1)]
            public partial class OrderSaga
            {
                [SagaStep(1, TaskQueue = "payments"), CompensatedBy(nameof(Refund), TaskQueue = "refunds")] public void Pay(Order order) { }
                [SagaStep(2)] public void Ship(Order order) { }
                public void Refund(Order order) { }
            }
            """);
    }
}
