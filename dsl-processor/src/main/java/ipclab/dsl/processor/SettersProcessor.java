package ipclab.dsl.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code <Record>Setters} and {@code <Record>Builder} for each record annotated
 * {@link Setters}: see there for what they hold. A setter's Javadoc sends the reader to the
 * {@code Key} table, the one place that says what the key means, where it applies and its default.
 */
public final class SettersProcessor extends SourceWriter {
    /** The component that names a channel or process: the builder's constructor takes it, no setter. */
    private static final String NAME = "name";

    public SettersProcessor() {
        super(Setters.class, "Setters");
    }

    /** A map or collection component (a scenario's channels, claims) gets no setter: its builder adds to it. */
    private boolean isCollection(TypeMirror t) {
        Types types = processingEnv.getTypeUtils();
        Elements elements = processingEnv.getElementUtils();
        TypeMirror erased = types.erasure(t);
        return types.isAssignable(
                        erased,
                        types.erasure(
                                elements.getTypeElement("java.util.Collection").asType()))
                || types.isAssignable(
                        erased,
                        types.erasure(elements.getTypeElement("java.util.Map").asType()));
    }

    @Override
    boolean fill(TypeElement record, ClassName setters, TypeSpec.Builder type) {
        if (record.getKind() != ElementKind.RECORD) {
            error("@Setters is for records", record);
            return false;
        }
        String pkg = setters.packageName();
        String kind = kindOf(record);
        TypeVariableName b = TypeVariableName.get("B", ParameterizedTypeName.get(setters, TypeVariableName.get("B")));
        ClassName key = ClassName.get(pkg, "Key");
        type.addJavadoc(
                        "The plain setters of {@code $LBuilder}, one per plain component of {@link $T}; written by"
                                + " {@code $L} from the record.\n",
                        record.getSimpleName(),
                        record,
                        SettersProcessor.class.getName())
                .addTypeVariable(b)
                .superclass(ParameterizedTypeName.get(ClassName.get(pkg, "SpecBuilder"), b, ClassName.get(record)));
        List<? extends RecordComponentElement> components = record.getRecordComponents();
        boolean named =
                !components.isEmpty() && components.getFirst().getSimpleName().contentEquals(NAME);
        if (named) {
            type.addMethod(MethodSpec.constructorBuilder()
                            .addParameter(String.class, NAME)
                            .addStatement("super($L, $T.class)", NAME, record)
                            .build())
                    .addMethod(MethodSpec.methodBuilder(NAME)
                            .addJavadoc("The name the builder was started with.\n")
                            .addModifiers(Modifier.PUBLIC)
                            .returns(String.class)
                            .addStatement("return $L", NAME)
                            .build());
        } else {
            type.addMethod(MethodSpec.constructorBuilder()
                    .addStatement("super(null, $T.class)", record)
                    .build());
        }
        for (RecordComponentElement c : components) {
            String component = c.getSimpleName().toString();
            if (component.equals(NAME)) continue;
            if (isCollection(c.asType())) {
                addAdders(type, kind, component, c.asType(), b, key);
                continue;
            }
            TypeName t = TypeName.get(c.asType());
            type.addMethod(MethodSpec.methodBuilder(component)
                    .addJavadoc(
                            "Sets the $L's {@code $L}: what it means, where it applies and its default are in"
                                    + " its row of {@link $T}.\n",
                            kind,
                            component,
                            key)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(b)
                    .addParameter(t.isBoxedPrimitive() ? t.unbox() : t, component)
                    .addStatement("return put($S, $L)", component, component)
                    .build());
            for (ExecutableElement f : plainFactories(c.asType())) type.addMethod(overload(kind, component, f, b));
        }
        if (record.getAnnotation(Setters.class).builder())
            writeBuilder(record, setters, kind, named ? components.get(1) : null);
        return true;
    }

    /**
     * The adders of a list, or of a map of named records (a scenario's channels, processes, faults,
     * claims; not its sweep): {@code B expect(String...)}, and for records, built or builders,
     * {@code B channels(Buildable<ChannelSpec>...)} and {@code B channel(Buildable<ChannelSpec>)},
     * each item through {@code SpecBuilder.add}, which notes where each item was written.
     */
    private static void addAdders(
            TypeSpec.Builder type, String kind, String component, TypeMirror t, TypeName b, ClassName key) {
        if (!(t instanceof DeclaredType d) || d.getTypeArguments().isEmpty()) return;
        TypeMirror itemType = d.getTypeArguments().getLast();
        TypeElement spec = itemType instanceof DeclaredType i
                        && i.asElement().getKind() == ElementKind.RECORD
                        && i.asElement().getAnnotation(Setters.class) != null
                ? (TypeElement) i.asElement()
                : null;
        boolean map = d.getTypeArguments().size() == 2;
        if (spec == null && (map || !(itemType instanceof DeclaredType))) return; // a sweep: its builder's own way
        if (spec == null) {
            type.addMethod(MethodSpec.methodBuilder(component)
                    .addJavadoc("Adds to the $L's {@code $L}: see its row of {@link $T}.\n", kind, component, key)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(b)
                    .addParameter(ArrayTypeName.of(TypeName.get(itemType)), component)
                    .varargs(true)
                    .addStatement("for (var item : $L) add($S, item)", component, component)
                    .addStatement("return self()")
                    .build());
            return;
        }
        String one = kindOf(spec);
        TypeName item = ParameterizedTypeName.get(
                ClassName.get(spec.getEnclosingElement().toString(), "Buildable"), ClassName.get(spec));
        type.addMethod(MethodSpec.methodBuilder(one)
                        .addJavadoc("Adds a $L, built or a builder$L.\n", one, map ? "; its name must be new" : "")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(b)
                        .addParameter(item, one)
                        .addStatement("return $L($L)", component, one)
                        .build())
                .addMethod(MethodSpec.methodBuilder(component)
                        .addJavadoc("Adds $L, built or builders$L.\n", component, map ? "; each name must be new" : "")
                        .addAnnotation(SafeVarargs.class)
                        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                        .returns(b)
                        .addParameter(ArrayTypeName.of(item), component)
                        .varargs(true)
                        .addStatement("for (var item : $L) add($S, item)", component, component)
                        .addStatement("return self()")
                        .build());
    }

    /** {@code ChannelSpec -> channel}, {@code Scenario -> scenario}. */
    private static String kindOf(TypeElement record) {
        return record.getSimpleName().toString().replace("Spec", "").toLowerCase(Locale.ROOT);
    }

    /** The static factories of a component's value type marked {@link Setters.Plain}. */
    private static List<ExecutableElement> plainFactories(TypeMirror valueType) {
        if (!(valueType instanceof DeclaredType d)) return List.of();
        return ElementFilter.methodsIn(d.asElement().getEnclosedElements()).stream()
                .filter(m -> m.getAnnotation(Setters.Plain.class) != null
                        && m.getModifiers().contains(Modifier.STATIC))
                .toList();
    }

    /** {@code B size(long bytes) { return size(ByteSize.of(bytes)); }}, its Javadoc the factory's. */
    private MethodSpec overload(String kind, String component, ExecutableElement factory, TypeName b) {
        TypeElement valueType = (TypeElement) factory.getEnclosingElement();
        String doc = processingEnv.getElementUtils().getDocComment(factory);
        MethodSpec.Builder m = MethodSpec.methodBuilder(component)
                .addJavadoc(
                        "Sets the $L's {@code $L} to {@code $L.$L(..)}: $L\n",
                        kind,
                        component,
                        valueType.getSimpleName(),
                        factory.getSimpleName(),
                        doc == null ? "" : javadoc(doc))
                .addModifiers(Modifier.PUBLIC)
                .returns(b)
                .varargs(factory.isVarArgs());
        List<String> names = factory.getParameters().stream()
                .map(p -> p.getSimpleName().toString())
                .toList();
        for (VariableElement p : factory.getParameters())
            m.addParameter(TypeName.get(p.asType()), p.getSimpleName().toString());
        return m.addStatement(
                        "return $L($T.$L($L))",
                        component,
                        ClassName.get(valueType),
                        factory.getSimpleName(),
                        String.join(", ", names))
                .build();
    }

    /**
     * {@code public final class ChannelSpecBuilder extends ChannelSpecSetters<ChannelSpecBuilder>}
     * with a constructor taking the name and the kind (the component after the name), or nothing.
     */
    private void writeBuilder(TypeElement record, ClassName setters, String kind, RecordComponentElement kindOf) {
        ClassName builder = ClassName.get(setters.packageName(), record.getSimpleName() + "Builder");
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
        if (kindOf != null) {
            String k = kindOf.getSimpleName().toString();
            constructor
                    .addJavadoc("Starts a $L named {@code $L} of this {@code $L}.\n", kind, NAME, k)
                    .addParameter(String.class, NAME)
                    .addParameter(TypeName.get(kindOf.asType()), k)
                    .addStatement("super($L)", NAME)
                    .addStatement("values.put(values.keyOf($S), $L)", k, k);
        } else {
            constructor.addJavadoc("Starts a $L with nothing set.\n", kind);
        }
        TypeSpec type = generated(builder, record)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(
                        "The fluent builder of {@link $T}: method names are the YAML keys (see {@code Key} for what"
                                + " each means, where it applies and its default), the setters are in {@code $T};"
                                + " written by {@code $L} from the record.\n",
                        record,
                        setters,
                        SettersProcessor.class.getName())
                .superclass(ParameterizedTypeName.get(setters, builder))
                .addMethod(constructor.build())
                .build();
        write(builder, type, record);
    }
}
