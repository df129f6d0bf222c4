// BCPRegistry
