using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Applications;

/// <summary>
/// The applications of the contract: <c>applications</c>, <c>application(key:)</c>, <c>categories</c>,
/// <c>Application.categories</c> and <c>Experiment.application</c>, answered from the <see cref="ApplicationCatalog"/>
/// as the caller sees it (<see cref="VisibleApplications"/>): anyone may ask, and sees the applications open to
/// everyone and those of the groups they belong to.
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
            .BindType<CategoryView>("Category")
            .Resolve("Query.applications", async context => (object?)(await Visible(context)).All)
            .Resolve("Query.application", async context => (object?)(await Visible(context)).Find(context.GetArgument<string>("key")))
            .Resolve("Query.categories", async context => (object?)(await Visible(context)).Categories)
            .Resolve("Application.categories", async context => (object?)(await Visible(context)).CategoriesOf(context.ParentAs<Application>()))
            .Resolve("Experiment.application", async context => (object?)(await Visible(context)).Find(context.ParentAs<Experiment>().ApplicationKey));
    }

    private static ValueTask<VisibleApplications> Visible(ResolveContext context) => VisibleApplications.ForCallerAsync(context);
}
