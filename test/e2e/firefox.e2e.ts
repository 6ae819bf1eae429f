import { FirefoxSession } from "./harness/firefox";
import { describeExtensionIn } from "./harness/suite";

describeExtensionIn("Firefox", (options) => FirefoxSession.launch(options));
