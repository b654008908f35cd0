package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.catalog.ExportCatalog;
import dev.keeptrusts.export.catalog.ExportEntry;
import dev.keeptrusts.export.catalog.ExportStatus;
import dev.keeptrusts.export.config.KtConfig;
import dev.keeptrusts.export.config.KtHome;
import dev.keeptrusts.export.config.SourceResolver;
import dev.keeptrusts.export.launcher.ExportJob;
import dev.keeptrusts.export.launcher.ExportOptionsFactory;
import dev.keeptrusts.export.launcher.FailureMessage;
import dev.keeptrusts.export.pipeline.ExportOptions;
import dev.keeptrusts.export.pipeline.ExportRequest;
import dev.keeptrusts.export.pipeline.Publisher;
import dev.keeptrusts.export.pipeline.RunListener;
import dev.keeptrusts.export.pipeline.S3Publisher;
import dev.keeptrusts.export.sink.S3Store;
import dev.keeptrusts.export.request.UsageException;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kt export run ID}: runs a catalogued export in this process. {@code kt export create}
 * starts it in the background; it is not meant to be typed.
 */
@Command(name = "run", hidden = true, description = "Run a catalogued export in this process (used by kt export create).")
class ExportRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID")
  String id;

  @Override
  public Integer call() {
    Kt kt = (Kt) spec.root().userObject();
    KtHome home = KtHome.fromEnvironment(kt.env);
    ExportCatalog catalog = kt.catalog();
    ExportEntry entry = catalog.get(id);
    if (entry.status.isFinal()) {
      throw new UsageException("export " + id + " is already " + entry.status.label());
    }
    ExportRequest request;
    ExportOptions options;
    try {
      // The parent passed the resolved database in KT_JDBC_URL / KT_JDBC_USER / KT_JDBC_PASSWORD.
      SourceResolver.Resolved source = SourceResolver.resolve(null, null, kt.env, KtConfig.empty(home.configFile()), home);
      options = ExportOptionsFactory.fromSpec(entry.spec, null, id, null, null);
      request = ExportRequest.fromOptions(options, home.exports(), Instant.parse(entry.createdAt)).withSource(source.source());
    } catch (RuntimeException e) {
      catalog.update(id, failed -> {
        failed.status = ExportStatus.FAILED;
        failed.error = FailureMessage.of(e);
        failed.completedAt = Instant.now().toString();
      });
      throw e;
    }
    Publisher publisher =
        entry.spec.s3() == null ? null : new S3Publisher(S3Store.open(entry.spec.s3(), options, kt.env), request.id());
    ExportJob.run(catalog, request, options, publisher, RunListener.NONE);
    kt.out.println("Export " + id + " completed");
    return Kt.OK;
  }
}
