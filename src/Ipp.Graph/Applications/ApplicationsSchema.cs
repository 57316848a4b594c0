using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Applications;

/// <summary>
/// The applications of the contract: <c>applications</c>, <c>application(key:)</c> and <c>Experiment.application</c>,
/// answered from the <see cref="ApplicationCatalog"/>. They are public: the catalogue is what anyone may run.
/// </summary>
public static class ApplicationsSchema
{
    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindType<Application>("Application")
            .BindType<ApplicationField>("ApplicationField")
            .BindType<ApplicationChoice>("ApplicationChoice")
            .BindEnum<ApplicationFieldType>("ApplicationFieldType")
            .Resolve("Query.applications", context => new(Catalog(context).All))
            .Resolve("Query.application", context => new(Catalog(context).Find(context.GetArgument<string>("key"))))
            .Resolve("Experiment.application", context => new(Catalog(context).Find(context.ParentAs<Experiment>().ApplicationKey)));
    }

    private static ApplicationCatalog Catalog(ResolveContext context) => context.Service<ApplicationCatalog>();
}
