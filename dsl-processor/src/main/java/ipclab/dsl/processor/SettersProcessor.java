package ipclab.dsl.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Generated;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Writes {@code <Record>Setters} for each record annotated {@link Setters}: see there for what the
 * class holds. A setter's Javadoc sends the reader to the {@code Key} table, the one place that
 * says what the key means, where it applies and its default.
 */
public final class SettersProcessor extends AbstractProcessor {
    /** The component that names a channel or process: the builder's constructor takes it, no setter. */
    private static final String NAME = "name";

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Setters.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element e : round.getElementsAnnotatedWith(Setters.class)) {
            if (e.getKind() != ElementKind.RECORD) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "@Setters is for records", e);
                continue;
            }
            write((TypeElement) e);
        }
        return true;
    }

    private void write(TypeElement record) {
        String pkg = processingEnv
                .getElementUtils()
                .getPackageOf(record)
                .getQualifiedName()
                .toString();
        String kind = record.getSimpleName().toString().replace("Spec", "").toLowerCase(Locale.ROOT);
        ClassName setters = ClassName.get(pkg, record.getSimpleName() + "Setters");
        TypeVariableName b = TypeVariableName.get("B", ParameterizedTypeName.get(setters, TypeVariableName.get("B")));
        ClassName key = ClassName.get(pkg, "Key");
        TypeSpec.Builder type = TypeSpec.classBuilder(setters)
                .addJavadoc(
                        "The plain setters of {@link $T.Builder}, one per component of {@link $T}; written by"
                                + " {@code $L} from the record.\n",
                        record,
                        record,
                        SettersProcessor.class.getName())
                .addAnnotation(AnnotationSpec.builder(Generated.class)
                        .addMember("value", "$S", SettersProcessor.class.getName())
                        .build())
                .addOriginatingElement(record)
                .addModifiers(Modifier.ABSTRACT)
                .addTypeVariable(b)
                .superclass(ParameterizedTypeName.get(ClassName.get(pkg, "SpecBuilder"), b, ClassName.get(record)));
        boolean named = record.getRecordComponents().stream()
                .anyMatch(c -> c.getSimpleName().contentEquals(NAME));
        if (named) {
            type.addMethod(MethodSpec.constructorBuilder()
                            .addJavadoc(
                                    "A builder of the named $L with its kind ({@code type}, {@code role}) set.\n", kind)
                            .addParameter(String.class, NAME)
                            .addParameter(key, "kindKey")
                            .addParameter(Object.class, "kind")
                            .addStatement("super($L, $T.class)", NAME, record)
                            .addStatement("values.put(kindKey, kind)")
                            .build())
                    .addMethod(MethodSpec.methodBuilder(NAME)
                            .addJavadoc("The $L's name, as the builder was started: its key in the scenario.\n", kind)
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
            if (component.equals(NAME)) continue;
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
        try {
            JavaFile.builder(pkg, type.build()).build().writeTo(processingEnv.getFiler());
        } catch (IOException ex) {
            processingEnv
                    .getMessager()
                    .printMessage(Diagnostic.Kind.ERROR, "cannot write " + setters + ": " + ex.getMessage(), record);
        }
    }
}
