package ipclab.dsl.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Writes {@code <Class>Factories} for a class annotated {@link Factories}: see there for what it holds. */
public final class FactoriesProcessor extends SourceWriter {
    public FactoriesProcessor() {
        super(Factories.class, "Factories");
    }

    @Override
    boolean fill(TypeElement annotated, ClassName factories, TypeSpec.Builder type) {
        type.addJavadoc(
                        "A factory per kind of the records named in {@link $T}'s {@code @Factories}; written by"
                                + " {@code $L}.\n",
                        annotated,
                        FactoriesProcessor.class.getName())
                .addMethod(MethodSpec.constructorBuilder().build());
        for (TypeElement record : records(annotated)) {
            TypeElement kind = kindOf(record);
            if (kind == null) {
                error(record + " is not a record (String name, an enum kind, ...)", annotated);
                return false;
            }
            ClassName builder = ClassName.get(ClassName.get(record).packageName(), record.getSimpleName() + "Builder");
            for (VariableElement constant : ElementFilter.fieldsIn(kind.getEnclosedElements())) {
                if (constant.getKind() != ElementKind.ENUM_CONSTANT) continue;
                String doc = processingEnv.getElementUtils().getDocComment(constant);
                type.addMethod(MethodSpec.methodBuilder(methodName(constant))
                        .addJavadoc("$L\n", doc == null ? "Starts a builder of kind " + constant + "." : javadoc(doc))
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(builder)
                        .addParameter(String.class, "name")
                        .addStatement("return new $T(name, $T.$L)", builder, kind, constant)
                        .build());
            }
        }
        return true;
    }

    /** The records named in {@code annotated}'s {@code @Factories}. */
    private static List<TypeElement> records(TypeElement annotated) {
        for (AnnotationMirror m : annotated.getAnnotationMirrors()) {
            if (!((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(Factories.class.getCanonicalName())) continue;
            for (var e : m.getElementValues().entrySet()) {
                @SuppressWarnings("unchecked")
                List<? extends AnnotationValue> values =
                        (List<? extends AnnotationValue>) e.getValue().getValue();
                return values.stream()
                        .map(v -> (TypeElement) ((DeclaredType) (TypeMirror) v.getValue()).asElement())
                        .toList();
            }
        }
        return List.of();
    }

    /** The enum of a record {@code (String name, E kind, ...)}, or null. */
    private static TypeElement kindOf(TypeElement record) {
        if (record.getKind() != ElementKind.RECORD) return null;
        var components = record.getRecordComponents();
        if (components.size() < 2 || !components.getFirst().asType().toString().equals(String.class.getName()))
            return null;
        TypeMirror kind = components.get(1).asType();
        return kind instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM
                ? (TypeElement) d.asElement()
                : null;
    }

    /** {@code SHM -> shm}, {@code UNIX_DGRAM -> unixDgram}. */
    private static String methodName(VariableElement constant) {
        String[] words =
                constant.getSimpleName().toString().toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++)
            out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        return out.toString();
    }
}
