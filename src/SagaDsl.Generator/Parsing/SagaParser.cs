using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

/// <summary>
/// Reads one <c>[Saga]</c> class into a <see cref="SagaModel"/>. The only code of the generator
/// that touches symbols and syntax; it never throws on malformed input, it reports.
/// </summary>
internal sealed partial class SagaParser
{
    private readonly KnownTypes known;
    private readonly INamedTypeSymbol saga;

    // Searched by name several times per saga: a scan of a few members is cheaper than the
    // by-name table Roslyn builds for each type on its first GetMembers(name).
    private readonly ImmutableArray<ISymbol> members;

    // A saga names the same few types in most of its parameters; each is written out once. The
    // comparer tells apart everything that shows in the name: nullability, tuple names, dynamic.
    private readonly Dictionary<ITypeSymbol, string> typeNames = new(SymbolEqualityComparer.IncludeNullability);
    private readonly List<DiagnosticInfo> diagnostics = new();
    private readonly CancellationToken cancellationToken;

    private SagaParser(KnownTypes known, INamedTypeSymbol saga, CancellationToken cancellationToken)
    {
        this.known = known;
        this.saga = saga;
        members = saga.GetMembers();
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Parses the class the generator's attribute pipeline found.</summary>
    public static SagaParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        context.TargetSymbol is INamedTypeSymbol saga
            ? Parse(saga, context.Attributes[0], context.SemanticModel.Compilation, cancellationToken)
            : new SagaParseResult(null, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>Parses a <c>[Saga]</c> class: the model when it is valid, and every diagnostic.</summary>
    public static SagaParseResult Parse(INamedTypeSymbol saga, AttributeData sagaAttribute, Compilation compilation, CancellationToken cancellationToken)
    {
        var parser = new SagaParser(KnownTypes.From(compilation), saga, cancellationToken);
        var model = parser.ParseSaga(sagaAttribute);
        if (parser.diagnostics.Any(static diagnostic => diagnostic.IsError) || parser.hasUserErrors || parser.sourceDoesNotParse)
        {
            model = null;
        }

        var workflowType = NamedString(sagaAttribute, AttributeNames.Saga.Name) ?? saga.Name;
        var identity = new SagaIdentity(saga.ToDisplayString(), workflowType, LocationInfo.From(saga.Locations.FirstOrDefault()));
        return new SagaParseResult(model, parser.diagnostics.ToEquatableArray(), identity, model is null && !parser.rootNamespaceTaken && !parser.sourceDoesNotParse ? parser.Surface() : null);
    }

    private SagaModel? ParseSaga(AttributeData attribute)
    {
        var name = saga.Name;
        var location = LocationInfo.From(saga.Locations.FirstOrDefault());
        if (!saga.DeclaringSyntaxReferences.Any(static reference => reference.GetSyntax() is ClassDeclarationSyntax { Modifiers: var modifiers } && modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            Report(SagaDiagnostics.SagaMustBePartial, location, name);
        }

        if (saga.ContainingType is not null)
        {
            Report(SagaDiagnostics.UnsupportedSagaShape, location, name, "nested in '" + saga.ContainingType.Name + "'");
        }

        if (saga.IsGenericType)
        {
            Report(SagaDiagnostics.UnsupportedSagaShape, location, name, "generic");
        }

        CheckGeneratedNames(location);
        sourceDoesNotParse = saga.DeclaringSyntaxReferences.Any(reference => HasSyntaxErrors(reference.SyntaxTree));
        var sagaOptions = ReadOptions(attribute, name);
        var workflowType = NamedString(attribute, AttributeNames.Saga.Name) ?? name;
        var taskQueue = sagaOptions.TaskQueue ?? workflowType;
        (surfaceWorkflowType, surfaceTaskQueue) = (workflowType, taskQueue);
        var parallel = Named<bool>(attribute, AttributeNames.Saga.ParallelCompensation) ?? false;
        var deadline = attribute.NamedArguments.FirstOrDefault(static pair => pair.Key == AttributeNames.Saga.Deadline) is { Key: not null } declaredDeadline
            ? ReadDuration(attribute, name, AttributeNames.Saga.Deadline, declaredDeadline.Value)
            : null;
        var phaseAttribute = NamedString(attribute, AttributeNames.Saga.PhaseSearchAttribute);
        if (!string.IsNullOrWhiteSpace(phaseAttribute) && IsReservedSearchAttribute(phaseAttribute!))
        {
            InvalidOption(attribute, name, AttributeNames.Saga.PhaseSearchAttribute, Quote(phaseAttribute!), "it is a name Temporal keeps for its own search attributes (" + ReservedExamples + ", every name starting with '" + ReservedPrefix + "'); choose another");
        }

        var all = ReadSteps(sagaOptions);
        declaredSteps = all;
        var declared = all.Where(static step => !step.IsRemoved).ToList();
        if (declared.Count == 0)
        {
            Report(SagaDiagnostics.NoSteps, location, name);
            return null;
        }

        CheckStepNames(all);
        var pivot = FindPivot(declared);
        var binder = new Binder(this, all);
        inferredInput = binder.InputType;
        var steps = declared.Select(step => BuildStep(step, binder, pivot, sagaOptions, workflowType, taskQueue)).ToList();
        var removedSteps = all.Where(static step => step.IsRemoved).Select(step => BuildStep(step, binder, pivot: null, sagaOptions, workflowType, taskQueue)).ToList();
        var searchAttributes = ReadSearchAttributes(binder.InputType, location, withPhase: !string.IsNullOrWhiteSpace(phaseAttribute));
        CheckResultSearchAttributes(declared.Where(static step => step.Result is not null).Select(static step => (step.Result!, step.Method.Name)), binder.InputType);
        var taskQueues = ReadTaskQueues(UsedQueues(steps.Concat(removedSteps), taskQueue));
        if (diagnostics.Any(static diagnostic => diagnostic.IsError) || hasUserErrors || sourceDoesNotParse)
        {
            return null;
        }

        return new SagaModel(
            saga.ContainingNamespace.IsGlobalNamespace ? string.Empty : saga.ContainingNamespace.ToDisplayString(),
            name,
            GeneratedAccessibility(),
            saga.IsStatic,
            workflowType,
            taskQueue,
            parallel,
            binder.InputType is null ? null : TypeName(binder.InputType),
            binder.InputType is null ? null : TypeNames.OfRuntime(binder.InputType),
            binder.InputName,
            steps.ToEquatableArray(),
            taskQueues.ToEquatableArray(),
            searchAttributes.Current.ToEquatableArray(),
            deadline,
            string.IsNullOrWhiteSpace(phaseAttribute) ? null : phaseAttribute,
            removedSteps.ToEquatableArray(),
            RemovedSearchAttributes: searchAttributes.Removed.ToEquatableArray());
    }

    private List<DeclaredStep> ReadSteps(DeclaredOptions sagaOptions)
    {
        var steps = new List<DeclaredStep>();
        foreach (var member in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol method)
            {
                continue;
            }

            if (KnownTypes.Find(method, known.SagaStep) is not { } attribute)
            {
                if (KnownTypes.Find(method, known.CompensatedBy) is { } orphan)
                {
                    // Only a step is compensated: on any other method the attribute would do nothing, silently.
                    Report(SagaDiagnostics.CompensatedByWithoutStep, LocationInfo.From(orphan.ApplicationSyntaxReference?.GetSyntax(cancellationToken)), method.Name);
                }

                continue;
            }

            if (method.MethodKind != MethodKind.Ordinary)
            {
                // [SagaStep] on a constructor or an operator (a method that lost its return type while
                // typing is read as a constructor): the compiler reports it, and it has no adapter to write.
                hasUserErrors = true;
                continue;
            }

            var order = attribute.ConstructorArguments is [{ Value: int value }] ? value : 0;
            // A removed step's place and role are those of the shipped shapes that still run it.
            var removed = Named<bool>(attribute, AttributeNames.SagaStep.Removed) ?? false;
            var compensations = KnownTypes.FindAll(method, known.CompensatedBy);
            var current = compensations.Where(static compensation => Named<bool>(compensation, AttributeNames.CompensatedBy.Removed) != true).ToList();
            foreach (var second in current.Skip(1))
            {
                Report(SagaDiagnostics.TwoCompensations, LocationInfo.From(second.ApplicationSyntaxReference?.GetSyntax(cancellationToken)), method.Name, CompensationName(current[0]), CompensationName(second));
            }

            var step = new DeclaredStep(
                method,
                order,
                !removed && (Named<bool>(attribute, AttributeNames.SagaStep.Pivot) ?? false),
                removed || (Named<bool>(attribute, AttributeNames.SagaStep.Critical) ?? true),
                ReadOptions(attribute, method.Name, sagaOptions),
                current.FirstOrDefault(),
                CheckMethod(method),
                removed,
                compensations.Where(static compensation => Named<bool>(compensation, AttributeNames.CompensatedBy.Removed) == true).ToList());
            steps.Add(step);
        }

        // A stable sort: of two steps with the same order, the first declared is kept and the
        // second reported, the same way on every build. A removed step may keep the order a step that
        // replaced it took.
        var ordered = steps.OrderBy(static step => step.Order).ToList();
        CheckOrders(ordered.Where(static step => !step.IsRemoved).ToList());
        return ordered;
    }

    private void CheckOrders(List<DeclaredStep> steps)
    {
        var seen = new Dictionary<int, string>();
        foreach (var step in steps)
        {
            if (step.Order <= 0)
            {
                Report(SagaDiagnostics.InvalidStepOrder, LocationOf(step.Method), step.Method.Name, step.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), "which is not positive");
            }
            else if (seen.TryGetValue(step.Order, out var other))
            {
                Report(SagaDiagnostics.InvalidStepOrder, LocationOf(step.Method), step.Method.Name, step.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), "the same as '" + other + "'");
            }
            else
            {
                seen.Add(step.Order, step.Method.Name);
            }
        }
    }

    private DeclaredStep? FindPivot(List<DeclaredStep> steps)
    {
        DeclaredStep? pivot = null;
        foreach (var step in steps.Where(static step => step.IsPivot))
        {
            if (pivot is null)
            {
                pivot = step;
            }
            else
            {
                Report(SagaDiagnostics.MultiplePivots, LocationOf(step.Method), step.Method.Name, pivot.Method.Name);
            }
        }

        return pivot;
    }

    private StepModel BuildStep(DeclaredStep step, Binder binder, DeclaredStep? pivot, DeclaredOptions sagaOptions, string workflowType, string taskQueue)
    {
        var name = step.Method.Name;
        var afterPivot = pivot is not null && step.Order > pivot.Order;
        if (!step.IsCritical && step.IsPivot)
        {
            Report(SagaDiagnostics.NonCriticalMisuse, LocationOf(step.Method), name, "be the pivot");
        }

        // From the pivot on the saga only goes forward: the pivot and the steps after it run detached
        // from cancellation and, unless they say otherwise, retry until they have a definite answer. A
        // non-critical step may give up anywhere: an outage of its service must not keep the saga open.
        // StepModel.OptionsFor applies that rule, here and for the place a step had in an older shape.
        var forwardOnly = afterPivot || step.IsPivot;
        var compensableAttempts = step.Options.MaximumAttempts ?? sagaOptions.MaximumAttempts ?? DefaultStepAttempts;
        var forwardOnlyAttempts = step.Options.MaximumAttempts ?? UnlimitedAttempts;
        var declared = Resolve(step.Options, sagaOptions, taskQueue, compensableAttempts, detached: false);
        CheckHeartbeats(step.Method, declared);
        var method = new MethodModel(name, step.Method.IsStatic, step.ReturnKind, step.ResultType, binder.Bind(step.Method, step.Order, inclusive: false, forRemovedStep: step.IsRemoved));
        var compensation = step.Compensation is null ? null : BuildCompensation(step, step.Compensation, binder, pivot, afterPivot, sagaOptions, workflowType, taskQueue);
        var removedCompensations = step.RemovedCompensations
            .Select(removed => BuildCompensation(step, removed, binder, pivot, afterPivot, sagaOptions, workflowType, taskQueue))
            .OfType<CompensationModel>()
            .Select(removed => removed with { OptionsVariant = "By" + removed.Method.Name })
            .ToEquatableArray();
        var resultRuntimeType = step.Result is { } result ? TypeNames.OfRuntime(result) : null;
        var model = new StepModel(step.Order, method, workflowType + "." + name, step.IsPivot, step.IsCritical, afterPivot, declared, compensation, resultRuntimeType, forwardOnlyAttempts, compensableAttempts, RemovedCompensations: removedCompensations);
        return model with { Options = model.OptionsFor(forwardOnly, step.IsCritical) };
    }

    private static string CompensationName(AttributeData attribute) =>
        attribute.ConstructorArguments is [{ Value: string value }] ? value : string.Empty;

    /// <summary>
    /// Builds a step's compensation, or one it had in an older shape (marked Removed): where that shape
    /// put the step is the shape's to say, so only the current one is checked against the pivot.
    /// </summary>
    private CompensationModel? BuildCompensation(DeclaredStep step, AttributeData attribute, Binder binder, DeclaredStep? pivot, bool afterPivot, DeclaredOptions sagaOptions, string workflowType, string taskQueue)
    {
        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));
        var methodName = CompensationName(attribute);
        var current = attribute == step.Compensation;
        if (current && !step.IsCritical)
        {
            Report(SagaDiagnostics.NonCriticalMisuse, location, step.Method.Name, "declare a compensation");
            return null;
        }

        if (current && pivot is not null && (afterPivot || step.IsPivot))
        {
            Report(SagaDiagnostics.CompensationAtOrAfterPivot, location, step.Method.Name, methodName, step.IsPivot ? "itself" : "after", pivot.Method.Name);
            return null;
        }

        if (NamedLikeObjectMember(methodName, location))
        {
            return null;
        }

        var candidates = members.OfType<IMethodSymbol>().Where(method => method.MethodKind == MethodKind.Ordinary && method.Name == methodName).ToList();
        if (candidates.Count == 0)
        {
            var meant = Suggestions.Closest(methodName, members.OfType<IMethodSymbol>()
                .Where(method => method.MethodKind == MethodKind.Ordinary && KnownTypes.Find(method, known.SagaStep) is null)
                .Select(static method => method.Name));
            Report(SagaDiagnostics.CompensationNotFound, location, step.Method.Name, methodName, saga.Name, meant is null ? string.Empty : "; did you mean '" + meant + "'?");
            return null;
        }

        if (candidates.Count > 1)
        {
            Report(SagaDiagnostics.CompensationAmbiguous, location, step.Method.Name, methodName, candidates.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        var method = candidates[0];
        compensationMethods.Add(method);
        if (KnownTypes.Find(method, known.SagaStep) is not null)
        {
            Report(SagaDiagnostics.CompensationIsStep, location, step.Method.Name, methodName);
            return null;
        }

        var (returnKind, resultType) = CheckMethod(method);
        var compensationAttempts = sagaOptions.CompensationMaximumAttempts ?? DefaultCompensationAttempts;
        var options = CapInterval(Resolve(ReadOptions(attribute, method.Name, sagaOptions), sagaOptions, taskQueue, compensationAttempts, detached: true));
        CheckHeartbeats(method, options);
        var model = new MethodModel(method.Name, method.IsStatic, returnKind, resultType, binder.Bind(method, step.Order, inclusive: true, forRemovedStep: step.IsRemoved));
        var stepResult = model.Parameters.FirstOrDefault(parameter => parameter.Binding == BindingKind.StepResult && parameter.SourceStep == step.Method.Name);
        if (stepResult is not null)
        {
            var parameter = method.Parameters.FirstOrDefault(candidate => candidate.Name == stepResult.Name);
            Report(SagaDiagnostics.CompensationNeedsStepResult, parameter is null ? location : LocationOf(parameter), method.Name, step.Method.Name, stepResult.Name);
        }

        return new CompensationModel(model, workflowType + "." + method.Name, options, UsesStepResult: stepResult is not null);
    }

    /// <summary>
    /// The generator adds a nested <c>Activities</c> class and the types <c>{Saga}Workflow</c>,
    /// <c>Result</c>, <c>Worker</c> and <c>Client</c> beside the saga: a user's member or type of that
    /// name would make the generated code fail to compile. The generator's own output is no conflict.
    /// </summary>
    private void CheckGeneratedNames(LocationInfo? location)
    {
        if (saga.Name == GeneratedNames.ActivitiesClass)
        {
            // The adapter class nests in the saga, and a member cannot be named like its enclosing type.
            Report(SagaDiagnostics.GeneratedNameTaken, location, saga.Name, GeneratedNames.ActivitiesClass, "activity adapter", "the saga class itself, as its name");
        }

        foreach (var member in members)
        {
            if (member.Name == GeneratedNames.ActivitiesClass && !GeneratedNames.IsGenerated(member))
            {
                Report(SagaDiagnostics.GeneratedNameTaken, location, saga.Name, GeneratedNames.ActivitiesClass, "activity adapter", "the saga class");
                break;
            }
        }

        // Generated code names everything from global::; a type at the root of the compilation named
        // like one of those namespaces would stand in its place, and nothing generated could reach past it.
        foreach (var root in known.ShadowedRootNamespaces)
        {
            rootNamespaceTaken = true;
            Report(SagaDiagnostics.GeneratedNameTaken, location, saga.Name, root, "code's references to the " + root + " namespace", "a type in the global namespace");
        }

        foreach (var (suffix, artifact) in GeneratedNames.SiblingTypes)
        {
            var sibling = saga.Name + suffix;
            foreach (var type in saga.ContainingNamespace.GetTypeMembers(sibling))
            {
                if (!GeneratedNames.IsGenerated(type))
                {
                    takenSiblings.Add(suffix);
                    Report(SagaDiagnostics.GeneratedNameTaken, location, saga.Name, sibling, artifact, "its namespace");
                    break;
                }
            }
        }
    }

    /// <summary>
    /// A step is an activity, an adapter method and, when it returns something, a property of the
    /// saga's result, all of its name: two steps of one name cannot be told apart; an adapter method
    /// named like a member of <see cref="object"/> is an overload the worker's registration (a method
    /// group) cannot pick; a result property cannot take a name the result declares itself.
    /// </summary>
    private void CheckStepNames(List<DeclaredStep> declared)
    {
        var first = new Dictionary<string, DeclaredStep>(System.StringComparer.Ordinal);
        foreach (var step in declared)
        {
            var name = step.Method.Name;
            if (first.TryGetValue(name, out var earlier))
            {
                Report(SagaDiagnostics.DuplicateStepName, LocationOf(step.Method), name, Order(step), Order(earlier));
                continue;
            }

            first[name] = step;
            if (!NamedLikeObjectMember(name, LocationOf(step.Method)) && step.ResultType is not null && GeneratedNames.ResultMembers.Contains(name))
            {
                Report(SagaDiagnostics.GeneratedNameTaken, LocationOf(step.Method), saga.Name, name, "result property of step " + name, "the result type");
            }
        }
    }

    /// <summary>Reports a step or compensation whose adapter method would overload a member of <see cref="object"/>.</summary>
    private bool NamedLikeObjectMember(string method, LocationInfo? location)
    {
        if (!GeneratedNames.ObjectMembers.Contains(method))
        {
            return false;
        }

        Report(SagaDiagnostics.GeneratedNameTaken, location, saga.Name, method, "activity adapter method", "System.Object");
        return true;
    }

    private static HashSet<string> UsedQueues(IEnumerable<StepModel> steps, string sagaQueue)
    {
        var used = new HashSet<string>(System.StringComparer.Ordinal) { sagaQueue };
        foreach (var step in steps)
        {
            used.Add(step.Options.TaskQueue ?? sagaQueue);
            foreach (var compensation in step.AllCompensations)
            {
                used.Add(compensation.Options.TaskQueue ?? sagaQueue);
            }
        }

        return used;
    }

    private static string Order(DeclaredStep step) => step.Order.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Checks what a step or compensation returns and reports what cannot be an activity.</summary>
    private (ReturnKind Kind, string? ResultType) CheckMethod(IMethodSymbol method)
    {
        // CS0708: the compiler reports it; generated code would have no saga object to call.
        hasUserErrors |= saga.IsStatic && !method.IsStatic;

        if (method.IsGenericMethod)
        {
            Report(SagaDiagnostics.UnsupportedMethod, LocationOf(method), method.Name, "is generic");
        }

        var returnType = method.ReturnType;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly || returnType.TypeKind == TypeKind.Pointer || returnType.IsRefLikeType)
        {
            Report(SagaDiagnostics.UnsupportedMethod, LocationOf(method), method.Name, "returns by reference or a ref-like type");
            return (ReturnKind.Void, null);
        }

        if (method.ReturnsVoid)
        {
            if (method.IsAsync)
            {
                // The activity would end at the method's first await, recorded complete while its work
                // still runs, and an exception after that point would crash the worker, not fail the step.
                Report(SagaDiagnostics.UnsupportedMethod, LocationOf(method), method.Name, "is async void: its activity would be recorded complete at the first await while its work still runs");
            }

            return (ReturnKind.Void, null);
        }

        if (KnownTypes.Is(returnType, known.Task) && returnType is INamedTypeSymbol { IsGenericType: false })
        {
            return (ReturnKind.Task, null);
        }

        if (KnownTypes.Is(returnType, known.ValueTask) && returnType is INamedTypeSymbol { IsGenericType: false })
        {
            return (ReturnKind.ValueTask, null);
        }

        if (returnType is INamedTypeSymbol { TypeArguments: [var result] } generic)
        {
            if (KnownTypes.Is(generic, known.TaskOfT))
            {
                return (ReturnKind.TaskOfValue, TypeName(result));
            }

            if (KnownTypes.Is(generic, known.ValueTaskOfT))
            {
                return (ReturnKind.ValueTaskOfValue, TypeName(result));
            }
        }

        return (ReturnKind.Value, TypeName(returnType));
    }

    private string TypeName(ITypeSymbol type)
    {
        if (!typeNames.TryGetValue(type, out var name))
        {
            hasUserErrors |= IsUnresolved(type);
            name = TypeNames.Of(type);
            typeNames.Add(type, name);
        }

        return name;
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

    private static LocationInfo? LocationOf(ISymbol symbol) => LocationInfo.From(symbol.Locations.FirstOrDefault());

    private static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(pair => pair.Key == name).Value.Value as string;

    private static T? Named<T>(AttributeData attribute, string name)
        where T : struct =>
        attribute.NamedArguments.FirstOrDefault(pair => pair.Key == name).Value.Value as T?;

    /// <summary>A step as declared, before its parameters are bound.</summary>
    private sealed class DeclaredStep
    {
        public DeclaredStep(IMethodSymbol method, int order, bool isPivot, bool isCritical, DeclaredOptions options, AttributeData? compensation, (ReturnKind Kind, string? ResultType) returns, bool isRemoved = false, List<AttributeData>? removedCompensations = null)
        {
            IsRemoved = isRemoved;
            RemovedCompensations = removedCompensations ?? new List<AttributeData>();
            Method = method;
            Order = order;
            IsPivot = isPivot;
            IsCritical = isCritical;
            Options = options;
            Compensation = compensation;
            ReturnKind = returns.Kind;
            ResultType = returns.ResultType;
        }

        public IMethodSymbol Method { get; }

        public int Order { get; }

        public bool IsPivot { get; }

        public bool IsCritical { get; }

        /// <summary>Gets whether the step is removed from the saga and runs only on the paths of shipped shapes that have it.</summary>
        public bool IsRemoved { get; }

        public DeclaredOptions Options { get; }

        public AttributeData? Compensation { get; }

        /// <summary>Gets the compensations marked Removed: older shapes still undo the step with them.</summary>
        public List<AttributeData> RemovedCompensations { get; }

        public ReturnKind ReturnKind { get; }

        public string? ResultType { get; }

        public ITypeSymbol? Result => ReturnKind switch
        {
            ReturnKind.Value => Method.ReturnType,
            ReturnKind.TaskOfValue or ReturnKind.ValueTaskOfValue => ((INamedTypeSymbol)Method.ReturnType).TypeArguments[0],
            _ => null,
        };
    }
}
