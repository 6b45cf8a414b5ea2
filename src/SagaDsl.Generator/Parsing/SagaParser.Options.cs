using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

/// <summary>The options written on one attribute, validated; unset options stay <c>null</c>.</summary>
internal sealed class DeclaredOptions
{
    public long? StartToClose { get; set; }

    public long? ScheduleToClose { get; set; }

    public long? Heartbeat { get; set; }

    public int? MaximumAttempts { get; set; }

    public long? InitialInterval { get; set; }

    public long? MaximumInterval { get; set; }

    public double? BackoffCoefficient { get; set; }

    public string[]? NonRetryableErrorTypes { get; set; }

    public string? TaskQueue { get; set; }

    public int? CompensationMaximumAttempts { get; set; }
}

internal sealed partial class SagaParser
{
    // Temporal needs one of the two timeouts; a minute suits a call to another service.
    private static readonly long DefaultStartToClose = TimeSpan.FromMinutes(1).Ticks;
    private const int DefaultStepAttempts = 3;
    private const int DefaultCompensationAttempts = 10;

    // Compensations run again until they have an answer; without a cap the backoff between attempts
    // grows to 100 times the initial interval, and an undo waits minutes after its service is back.
    private static readonly long DefaultCompensationMaximumInterval = TimeSpan.FromMinutes(1).Ticks;
    private const int UnlimitedAttempts = 0;

    private DeclaredOptions ReadOptions(AttributeData attribute, string owner, DeclaredOptions? inherited = null)
    {
        var options = new DeclaredOptions();
        foreach (var argument in attribute.NamedArguments)
        {
            var value = argument.Value;
            switch (argument.Key)
            {
                case AttributeNames.Options.StartToCloseTimeout:
                    options.StartToClose = ReadDuration(attribute, owner, argument.Key, value);
                    break;
                case AttributeNames.Options.ScheduleToCloseTimeout:
                    options.ScheduleToClose = ReadDuration(attribute, owner, argument.Key, value);
                    break;
                case AttributeNames.Options.HeartbeatTimeout:
                    options.Heartbeat = ReadDuration(attribute, owner, argument.Key, value);
                    break;
                case AttributeNames.Options.InitialInterval:
                    options.InitialInterval = ReadDuration(attribute, owner, argument.Key, value);
                    break;
                case AttributeNames.Options.MaximumInterval:
                    options.MaximumInterval = ReadDuration(attribute, owner, argument.Key, value);
                    break;
                case AttributeNames.Options.MaximumAttempts:
                    options.MaximumAttempts = ReadAttempts(attribute, owner, argument.Key, value);
                    break;
                case AttributeNames.Saga.CompensationMaximumAttempts:
                    options.CompensationMaximumAttempts = ReadAttempts(attribute, owner, argument.Key, value);
                    break;
                case AttributeNames.Options.BackoffCoefficient:
                    options.BackoffCoefficient = ReadBackoff(attribute, owner, value);
                    break;
                case AttributeNames.Options.NonRetryableErrorTypes:
                    options.NonRetryableErrorTypes = ReadErrorTypes(attribute, owner, value);
                    break;
                case AttributeNames.Options.TaskQueue:
                    options.TaskQueue = ReadTaskQueue(attribute, owner, argument.Key, value);
                    break;
            }
        }

        if (options is { InitialInterval: { } initial, MaximumInterval: { } maximum } && maximum < initial)
        {
            InvalidOption(attribute, owner, "MaximumInterval", Quote(TimeSpan.FromTicks(maximum)), "it is shorter than InitialInterval");
            options.MaximumInterval = null;
        }

        CheckTimeouts(attribute, owner, options, inherited);
        return options;
    }

    /// <summary>
    /// The server caps a start-to-close timeout longer than the schedule-to-close one, and a heartbeat
    /// timeout longer than the start-to-close one, without a word: the declared value would never
    /// apply. Checked on what the attribute declares, against what it inherits from the saga.
    /// </summary>
    private void CheckTimeouts(AttributeData attribute, string owner, DeclaredOptions own, DeclaredOptions? inherited)
    {
        var startToClose = own.StartToClose ?? inherited?.StartToClose;
        var scheduleToClose = own.ScheduleToClose ?? inherited?.ScheduleToClose;
        var heartbeat = own.Heartbeat ?? inherited?.Heartbeat;
        if (startToClose > scheduleToClose && (own.StartToClose is not null || own.ScheduleToClose is not null))
        {
            var option = own.StartToClose is not null ? AttributeNames.Options.StartToCloseTimeout : AttributeNames.Options.ScheduleToCloseTimeout;
            InvalidOption(attribute, owner, option, Quote(TimeSpan.FromTicks(own.StartToClose is not null ? startToClose!.Value : scheduleToClose!.Value)), "StartToCloseTimeout is longer than ScheduleToCloseTimeout, which bounds all attempts together; the server would cut each attempt to ScheduleToCloseTimeout");
        }

        var attemptLimit = startToClose ?? scheduleToClose ?? DefaultStartToClose;
        if (heartbeat > attemptLimit && (own.Heartbeat is not null || own.StartToClose is not null || own.ScheduleToClose is not null))
        {
            InvalidOption(attribute, owner, own.Heartbeat is not null ? "HeartbeatTimeout" : startToClose is not null ? "StartToCloseTimeout" : "ScheduleToCloseTimeout", Quote(TimeSpan.FromTicks(own.Heartbeat ?? attemptLimit)), "HeartbeatTimeout is longer than the attempt's timeout, so a missed heartbeat is never what ends an attempt; the server would cut it to the attempt's timeout");
        }
    }

    /// <summary>Applies the saga's defaults and the built-in ones to what one attribute declares.</summary>
    private static ActivityOptionsModel Resolve(DeclaredOptions own, DeclaredOptions saga, string sagaQueue, int defaultAttempts, bool detached, bool waitsForCancellation = false)
    {
        var startToClose = own.StartToClose ?? saga.StartToClose;
        var scheduleToClose = own.ScheduleToClose ?? saga.ScheduleToClose;
        var queue = own.TaskQueue ?? saga.TaskQueue ?? sagaQueue;
        return new ActivityOptionsModel(
            startToClose ?? (scheduleToClose is null ? DefaultStartToClose : null),
            scheduleToClose,
            own.Heartbeat ?? saga.Heartbeat,
            own.MaximumAttempts ?? defaultAttempts,
            own.InitialInterval ?? saga.InitialInterval,
            own.MaximumInterval ?? saga.MaximumInterval,
            own.BackoffCoefficient ?? saga.BackoffCoefficient,
            (own.NonRetryableErrorTypes ?? saga.NonRetryableErrorTypes ?? Array.Empty<string>()).ToEquatableArray(),
            queue == sagaQueue ? null : queue,
            detached,
            waitsForCancellation);
    }

    /// <summary>Caps a compensation's backoff unless it declares its own, never below its initial interval.</summary>
    private static ActivityOptionsModel CapInterval(ActivityOptionsModel options) =>
        options.MaximumIntervalTicks is not null
            ? options
            : options with { MaximumIntervalTicks = Math.Max(DefaultCompensationMaximumInterval, options.InitialIntervalTicks ?? 0) };

    private long? ReadDuration(AttributeData attribute, string owner, string option, TypedConstant value)
    {
        var text = value.Value as string;
        if (text is not null
            && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration)
            && duration > TimeSpan.Zero)
        {
            return duration.Ticks;
        }

        InvalidOption(attribute, owner, option, text is null ? "null" : Quote(text), "write a positive TimeSpan such as \"00:00:30\"");
        return null;
    }

    private int? ReadAttempts(AttributeData attribute, string owner, string option, TypedConstant value)
    {
        if (value.Value is int attempts && attempts >= 0)
        {
            return attempts;
        }

        InvalidOption(attribute, owner, option, Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "null", "attempts are 0 (unlimited) or more");
        return null;
    }

    private double? ReadBackoff(AttributeData attribute, string owner, TypedConstant value)
    {
        if (value.Value is double backoff && backoff >= 1 && !double.IsInfinity(backoff))
        {
            return backoff;
        }

        InvalidOption(attribute, owner, AttributeNames.Options.BackoffCoefficient, Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "null", "the backoff coefficient is at least 1");
        return null;
    }

    private string[]? ReadErrorTypes(AttributeData attribute, string owner, TypedConstant value)
    {
        if (value.IsNull)
        {
            return null;
        }

        var types = value.Values.Select(static item => item.Value as string).ToArray();
        if (types.FirstOrDefault(ExceptionByFullName) is { } fullName)
        {
            // Temporal names a failure from a .NET exception by the exception type's Name: a namespace
            // in front never matches, and the failure would be retried as if nothing were declared.
            var shortName = fullName.Substring(fullName.LastIndexOf('.') + 1);
            InvalidOption(attribute, owner, "NonRetryableErrorTypes", Quote(fullName), "Temporal names a failure from an exception by the type's name without its namespace, so this never matches; write \"" + shortName + "\"");
            return null;
        }

        if (types.All(static type => !string.IsNullOrWhiteSpace(type) && !type!.Any(char.IsWhiteSpace)))
        {
            return types!;
        }

        InvalidOption(attribute, owner, "NonRetryableErrorTypes", "{ " + string.Join(", ", types.Select(static type => type is null ? "null" : Quote(type))) + " }", "an error type is a name without spaces, such as \"CardDeclined\"");
        return null;
    }

    private bool ExceptionByFullName(string? type) =>
        type is not null
            && type.IndexOf('.') >= 0
            && known.Compilation.GetTypeByMetadataName(type) is { } named
            && KnownTypes.DerivesFrom(named, known.Compilation.GetTypeByMetadataName("System.Exception"));

    private string? ReadTaskQueue(AttributeData attribute, string owner, string option, TypedConstant value)
    {
        if (value.Value is string queue && !string.IsNullOrWhiteSpace(queue))
        {
            return queue;
        }

        InvalidOption(attribute, owner, option, value.Value is string text ? Quote(text) : "null", "a task queue has a non-empty name");
        return null;
    }

    private void InvalidOption(AttributeData attribute, string owner, string option, string value, string reason) =>
        Report(SagaDiagnostics.InvalidOption, LocationOf(attribute, option), owner, option, value, reason);

    private static LocationInfo? LocationOf(AttributeData attribute, string option)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax)
        {
            return null;
        }

        var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == option);
        return LocationInfo.From((SyntaxNode?)argument ?? syntax);
    }

    private static string Quote(TimeSpan duration) => Quote(duration.ToString("c", CultureInfo.InvariantCulture));

    private static string Quote(string text) => "\"" + text + "\"";

    /// <summary>
    /// Reads the <c>[SagaTaskQueue]</c> limits. A limit is applied by the worker of its queue, so one
    /// for a queue no activity of the saga runs on, or a second one for the same queue, would limit
    /// nothing, silently.
    /// </summary>
    private List<TaskQueueModel> ReadTaskQueues(HashSet<string> used)
    {
        var queues = new List<TaskQueueModel>();
        foreach (var attribute in saga.GetAttributes())
        {
            if (!KnownTypes.Is(attribute.AttributeClass, known.SagaTaskQueue))
            {
                continue;
            }

            var name = attribute.ConstructorArguments is [{ Value: string value }] ? value : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                Report(SagaDiagnostics.InvalidOption, LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)), saga.Name, "SagaTaskQueue", name is null ? "null" : Quote(name!), "a task queue has a non-empty name");
                continue;
            }

            if (queues.Any(queue => queue.Name == name))
            {
                Report(SagaDiagnostics.InvalidOption, LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)), saga.Name, "SagaTaskQueue", Quote(name!), "the queue's limits are declared twice; keep one [SagaTaskQueue] per queue with all its limits");
                continue;
            }

            if (!used.Contains(name!))
            {
                Report(SagaDiagnostics.InvalidOption, LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)), saga.Name, "SagaTaskQueue", Quote(name!), "no step or compensation of the saga runs on it, so its limits would apply to nothing; the saga's activities run on " + string.Join(", ", used.OrderBy(static queue => queue, StringComparer.Ordinal).Select(Quote)));
                continue;
            }

            var concurrency = Named<int>(attribute, AttributeNames.SagaTaskQueue.MaxConcurrentActivities) ?? 0;
            var rate = Named<double>(attribute, AttributeNames.SagaTaskQueue.MaxTaskQueueActivitiesPerSecond) ?? 0;
            if (concurrency < 0)
            {
                InvalidOption(attribute, name!, AttributeNames.SagaTaskQueue.MaxConcurrentActivities, Convert.ToString(concurrency, CultureInfo.InvariantCulture), "a limit is positive, or 0 for the worker's default");
            }

            if (rate < 0 || double.IsNaN(rate) || double.IsInfinity(rate))
            {
                InvalidOption(attribute, name!, AttributeNames.SagaTaskQueue.MaxTaskQueueActivitiesPerSecond, Convert.ToString(rate, CultureInfo.InvariantCulture), "a rate is positive, or 0 for no limit");
            }

            queues.Add(new TaskQueueModel(name!, concurrency, rate));
        }

        return queues;
    }
}
