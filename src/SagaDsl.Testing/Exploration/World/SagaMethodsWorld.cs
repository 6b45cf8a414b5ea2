using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Testing.Replay;

namespace SagaDsl.Testing.Exploration.World;

/// <summary>
/// A world made of the saga's own step and compensation methods and the services behind them: an
/// effect that lands runs the method, with the arguments the activity would decode and a
/// <see cref="StepContext"/> carrying its key. The explorer makes a fresh world for every path, so
/// create the saga and its services inside the factory.
/// </summary>
/// <example>
/// <code>
/// .WithWorld(() =>
/// {
///     var payments = new PaymentGateway();
///     return new SagaMethodsWorld(new OrderSaga(payments), step => step == "ProcessPayment" &amp;&amp; payments.Holds("order-1"));
/// })
/// </code>
/// </example>
public sealed class SagaMethodsWorld : SagaWorld
{
    private readonly object? saga;
    private readonly Type sagaType;
    private readonly Func<string, bool> holds;

    /// <summary>Initializes a new instance of the <see cref="SagaMethodsWorld"/> class for a saga object.</summary>
    /// <param name="saga">The saga, holding its services.</param>
    /// <param name="holds">Whether a step's effect is in the services now, by step name.</param>
    public SagaMethodsWorld(object saga, Func<string, bool> holds)
        : this(saga ?? throw new ArgumentNullException(nameof(saga)), saga.GetType(), holds)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SagaMethodsWorld"/> class for a static saga class.</summary>
    /// <param name="staticSaga">The static saga class.</param>
    /// <param name="holds">Whether a step's effect is in the services now, by step name.</param>
    public SagaMethodsWorld(Type staticSaga, Func<string, bool> holds)
        : this(null, staticSaga ?? throw new ArgumentNullException(nameof(staticSaga)), holds)
    {
    }

    private SagaMethodsWorld(object? saga, Type sagaType, Func<string, bool> holds)
    {
        this.saga = saga;
        this.sagaType = sagaType;
        this.holds = holds ?? throw new ArgumentNullException(nameof(holds));
    }

    /// <summary>Runs the method; whatever it throws is the service refusing the call, with no effect.</summary>
    /// <inheritdoc/>
    public override WorldAnswer Apply(WorldCall activityCall)
    {
        var method = MethodOf(activityCall ?? throw new ArgumentNullException(nameof(activityCall)));
        try
        {
            return WorldAnswer.Applied(Unwrap(method.Invoke(method.IsStatic ? null : saga, Arguments(method, activityCall))));
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is { } refusal)
        {
            return WorldAnswer.Rejected(refusal.Message);
        }
#pragma warning disable CA1031 // A refusal may be any exception; the explorer needs the answer, not the throw.
        catch (Exception refusal) when (refusal is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return WorldAnswer.Rejected(refusal.Message);
        }
    }

    /// <inheritdoc/>
    public override bool Holds(string stepName) => holds(stepName);

    private MethodInfo MethodOf(WorldCall call)
    {
        var name = call.Activity.Substring(call.Activity.LastIndexOf('.') + 1);
        var candidates = sagaType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(method => method.Name == name)
            .ToList();

        // A step may have an overload that is no step; the step is the one marked [SagaStep].
        return candidates.FirstOrDefault(method => (method.GetCustomAttribute<SagaStepAttribute>() is not null) == (call.Kind == SagaCallKind.Step))
            ?? candidates.FirstOrDefault()
            ?? throw new InvalidOperationException($"{sagaType.Name} has no method {name} for activity {call.Activity}.");
    }

    private static object?[] Arguments(MethodInfo method, WorldCall call)
    {
        var data = 0;
        return method.GetParameters().Select(parameter =>
            parameter.ParameterType == typeof(StepContext) ? new StepContext(call.Activity, call.IdempotencyKey)
            : parameter.ParameterType == typeof(CancellationToken) ? (object)CancellationToken.None
            : call.Arguments[data++]).ToArray();
    }

    private static object? Unwrap(object? returned)
    {
        if (returned is null)
        {
            return null;
        }

        var type = returned.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            returned = type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null);
        }
        else if (returned is ValueTask valueTask)
        {
            returned = valueTask.AsTask();
        }

        if (returned is not Task task)
        {
            return returned;
        }

        task.GetAwaiter().GetResult();
        var result = task.GetType().GetProperty(nameof(Task<int>.Result));
        return result is null || result.PropertyType.Name == "VoidTaskResult" ? null : result.GetValue(task);
    }
}
