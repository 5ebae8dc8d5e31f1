package io.nernst.models;

import io.nernst.core.text.NameSuggestions;

import io.nernst.core.error.BadInputException;
import io.nernst.core.model.CellModel;
import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.model.ModelChoice;
import io.nernst.models.cell.CellDesign;
import io.nernst.models.electrode.ElectrodeKind;
import io.nernst.models.kinetics.KineticsKind;
import io.nernst.models.parameters.ParameterSets;
import java.nio.file.Path;
import io.nernst.models.registry.CellComponent;
import io.nernst.models.registry.CellModelType;
import io.nernst.models.registry.ModelSlots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Entry point for looking up built-in parameter sets and creating cell models by name, as the
 * command line and scenario files do.
 *
 * <p>Models and their components register themselves ({@link CellModelType}, {@link
 * CellComponent}, through {@code META-INF/services}); there is no central switch. Built in:
 * "SPM", "SPMe", "DFN" (case-insensitive) with the slots kinetics (symmetric, asymmetric),
 * electrolyte (binary, single-ion), negative (porous, lithium-metal, lithium-indium) and thermal
 * (isothermal, lumped); docs/architecture.md has the map. Parameter sets: {@link ParameterSets}.
 */
public final class ModelRegistry {
    /** Model types and components, found through {@link ServiceLoader} (each registers itself). */
    private static final List<CellModelType> TYPES = load(CellModelType.class);
    private static final List<CellComponent> COMPONENTS = load(CellComponent.class);
    /** {@link ModelSlots#ORDER}, then the slots of components registered for new slots. */
    private static final List<String> SLOTS;

    static {
        List<String> slots = new ArrayList<>(ModelSlots.ORDER);
        for (CellComponent c : COMPONENTS) {
            if (!slots.contains(c.slot())) {
                slots.add(c.slot());
            }
        }
        SLOTS = List.copyOf(slots);
    }

    private static <T> List<T> load(Class<T> service) {
        List<T> out = new ArrayList<>();
        for (T t : ServiceLoader.load(service, ModelRegistry.class.getClassLoader())) {
            out.add(t);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no " + service.getSimpleName() + " registered: META-INF/services/"
                    + service.getName() + " is missing from the class path (a jar built without merging service files?)");
        }
        return List.copyOf(out);
    }

    private ModelRegistry() {
    }

    /** A built-in parameter set by name (case-insensitive); see {@link ParameterSets#parameterSet}. */
    public static ParameterSet parameterSet(String name) {
        return ParameterSets.parameterSet(name);
    }

    /** The parameters of a scenario's {@code parameters:} section; see {@link ParameterSets#parameters}. */
    public static ParameterSet parameters(String set, Path file, Path bpx) {
        return ParameterSets.parameters(set, file, bpx);
    }

    /** A built-in set name, a parameter file or a BPX file; see {@link ParameterSets#parameterSetOrFile}. */
    public static ParameterSet parameterSetOrFile(String nameOrFile) {
        return ParameterSets.parameterSetOrFile(nameOrFile);
    }

    /** One-line description of a built-in set (its cell and paper). */
    public static String parameterSetDescription(String name) {
        return ParameterSets.parameterSetDescription(name);
    }

    /**
     * The set with "Ambient temperature" and "Initial temperature" at {@code kelvin}: a
     * scenario's {@code temperature:}. Every property follows through its temperature law
     * (Arrhenius factors, entropic change of the OCP, RT/F).
     *
     * @throws ParameterException when the set lacks the temperature names or kelvin is not > 0
     */
    public static ParameterSet atTemperature(ParameterSet parameters, double kelvin) {
        return parameters.with(io.nernst.models.parameters.ParameterNames.AMBIENT_TEMPERATURE, kelvin)
                .with(io.nernst.models.parameters.ParameterNames.INITIAL_TEMPERATURE, kelvin);
    }

    /** Names of the built-in parameter sets. */
    public static List<String> parameterSetNames() {
        return ParameterSets.parameterSetNames();
    }

    /** Names of the registered model types, in registration order (SPM, SPMe, DFN). */
    public static List<String> modelNames() {
        List<String> names = new ArrayList<>();
        for (CellModelType t : TYPES) {
            names.add(t.name());
        }
        return List.copyOf(names);
    }

    /** The registered component names of a slot ("negative" -> porous, lithium-metal, lithium-indium). */
    public static List<String> componentNames(String slot) {
        List<String> names = new ArrayList<>();
        for (CellComponent c : COMPONENTS) {
            if (c.slot().equals(slot)) {
                names.add(c.name());
            }
        }
        return List.copyOf(names);
    }

    /** The component slots, in the order they are applied. */
    public static List<String> slots() {
        return SLOTS;
    }

    /**
     * Creates a model by type name with the components of {@code options} (kinetics, and a
     * lithium-metal negative electrode when it asks for PLANAR_METAL); the Java counterpart
     * of the short scenario form {@code model: DFN}.
     *
     * @param modelName  "SPM", "SPMe" or "DFN" (case-insensitive)
     * @param parameters the parameter set (e.g. {@link #parameterSet(String)})
     * @param options    discretisation options ({@link ModelOptions#defaults()})
     * @throws BadInputException for an unknown model name (suggesting the closest) or
     *                                  a component the model cannot take
     * @throws ParameterException       for a missing or inconsistent parameter
     */
    public static CellModel create(String modelName, ParameterSet parameters, ModelOptions options) {
        return create(ModelChoice.of(modelName == null ? "" : modelName), parameters, options);
    }

    /**
     * Creates the model a scenario's {@code model:} key asks for: the type, one registered
     * component per slot (unset slots take the model's default, or what {@code options} says
     * for kinetics and the negative electrode), and the particle options
     * {@code particle.shells} and {@code particle.surfaceRefinement} (which override the
     * options' particle points and stretching).
     *
     * @throws BadInputException naming the key ({@code model.negative}), the value and
     *                                  the allowed values, for an unknown type, slot or component
     *                                  (with the closest name) or a combination the model cannot take
     * @throws ParameterException       for a parameter a component needs and the set lacks
     */
    public static CellModel create(ModelChoice choice, ParameterSet parameters, ModelOptions options) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameter set must not be null");
        }
        if (choice == null) {
            throw new IllegalArgumentException("model choice must not be null; known models: " + String.join(", ", modelNames()));
        }
        ModelOptions o = options == null ? ModelOptions.defaults() : options;
        CellModelType type = type(choice.type());
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put(ModelSlots.KINETICS, o.kinetics() == KineticsKind.SYMMETRIC_BUTLER_VOLMER ? "symmetric" : "asymmetric");
        chosen.put(ModelSlots.NEGATIVE, o.negativeElectrode() == ElectrodeKind.PLANAR_METAL ? "lithium-metal" : "porous");
        for (Map.Entry<String, String> e : choice.options().entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (key.equals(ModelSlots.PARTICLE_SHELLS)) {
                o = o.toBuilder().particlePoints(wholeNumber(key, value, 2)).build();
            } else if (key.equals(ModelSlots.PARTICLE_SURFACE_REFINEMENT)) {
                o = o.toBuilder().particleStretching(refinement(key, value)).build();
            } else if (SLOTS.contains(key)) {
                chosen.put(key, component(key, value).name());
            } else if (key.equals(ModelSlots.PARTICLE)) {
                throw new BadInputException("model.particle = '" + value + "' is not allowed: expected a map such as"
                        + " {shells: 20, surfaceRefinement: 2}");
            } else {
                List<String> known = new ArrayList<>(List.of("type"));
                known.addAll(SLOTS);
                known.add(ModelSlots.PARTICLE_SHELLS);
                known.add(ModelSlots.PARTICLE_SURFACE_REFINEMENT);
                throw new BadInputException("unknown key 'model." + key + "'; did you mean 'model."
                        + NameSuggestions.closest(key, known) + "'? Allowed: " + String.join(", ", known));
            }
        }
        CellDesign.Builder cell = CellDesign.builder(parameters);
        for (String slot : SLOTS) {
            List<String> accepted = type.accepted(slot);
            String name = chosen.get(slot);
            if (name == null) {
                if (accepted.isEmpty()) {
                    continue;
                }
                name = accepted.get(0);
            }
            if (!accepted.contains(name)) {
                throw new BadInputException("model." + slot + " = '" + name + "' is not allowed with " + type.name()
                        + ": allowed " + (accepted.isEmpty() ? "nothing (" + type.name() + " has no " + slot + " slot)"
                        : String.join(", ", accepted)) + takers(slot, name));
            }
            component(slot, name).apply(cell);
        }
        return type.create(cell.build(), o);
    }

    /** The registered model type of that name (case-insensitive). */
    private static CellModelType type(String name) {
        String key = name == null ? "" : name.trim();
        for (CellModelType t : TYPES) {
            if (t.name().equalsIgnoreCase(key)) {
                return t;
            }
        }
        throw new BadInputException("unknown model '" + name + "'; known: " + String.join(", ", modelNames())
                + closestHint(name, modelNames()));
    }

    private static CellComponent component(String slot, String name) {
        for (CellComponent c : COMPONENTS) {
            if (c.slot().equals(slot) && c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        List<String> known = componentNames(slot);
        throw new BadInputException("model." + slot + " = '" + name + "' is not allowed: expected one of "
                + String.join(", ", known) + closestHint(name, known));
    }

    /** "; DFN takes it" - the model types that do accept the component, for the message. */
    private static String takers(String slot, String name) {
        List<String> takers = new ArrayList<>();
        for (CellModelType t : TYPES) {
            if (t.accepted(slot).contains(name)) {
                takers.add(t.name());
            }
        }
        return takers.isEmpty() ? "" : " (" + String.join(", ", takers) + " take" + (takers.size() == 1 ? "s" : "") + " it)";
    }

    private static int wholeNumber(String key, String value, int minimum) {
        try {
            int n = Integer.parseInt(value);
            if (n >= minimum && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadInputException("model." + key + " = '" + value + "' is not allowed: expected a whole number in ["
                + minimum + ", 100000]");
    }

    private static double refinement(String key, String value) {
        try {
            double beta = Double.parseDouble(value);
            if (beta >= 0 && beta <= 20) {
                return beta;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadInputException("model." + key + " = '" + value + "' is not allowed: expected a number in [0, 20]"
                + " (0 = uniform shells, larger clusters shells toward the particle surface)");
    }

    private static String closestHint(String name, List<String> known) {
        if (name == null || known.isEmpty()) {
            return "";
        }
        return "; did you mean '" + NameSuggestions.closest(name, known) + "'?";
    }
}
