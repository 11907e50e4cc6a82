package ipclab.dsl.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.Locale;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code <Record>Setters} for each record annotated {@link Setters}: see there for what the
 * class holds. A setter's Javadoc sends the reader to the {@code Key} table, the one place that
 * says what the key means, where it applies and its default.
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
        String kind = record.getSimpleName().toString().replace("Spec", "").toLowerCase(Locale.ROOT);
        TypeVariableName b = TypeVariableName.get("B", ParameterizedTypeName.get(setters, TypeVariableName.get("B")));
        ClassName key = ClassName.get(pkg, "Key");
        type.addJavadoc(
                        "The plain setters of {@link $T.Builder}, one per plain component of {@link $T}; written by"
                                + " {@code $L} from the record.\n",
                        record,
                        record,
                        SettersProcessor.class.getName())
                .addTypeVariable(b)
                .superclass(ParameterizedTypeName.get(ClassName.get(pkg, "SpecBuilder"), b, ClassName.get(record)));
        boolean named = record.getRecordComponents().stream()
                .anyMatch(c -> c.getSimpleName().contentEquals(NAME));
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
        for (RecordComponentElement c : record.getRecordComponents()) {
            String component = c.getSimpleName().toString();
            if (component.equals(NAME) || isCollection(c.asType())) continue;
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
        }
        return true;
    }
}
